// The catalog language (ydelseskatalog). One grammar; lexer rules last, keywords in one block.
// Every alternative of a multi-alternative rule is labelled so the generated contexts have typed
// accessors for the Transformer (interpreter/syntax). Semantic checks live in interpreter/sema,
// never here.
grammar Katalog;

katalogFil : deklaration* EOF ;

deklaration
    : KATALOG navn=STRING VERSION version=STRING
      (FAGSYSTEMER fagsystemer+=ident (COMMA fagsystemer+=ident)*)?          # KatalogDekl
    | TYPE navn=ident ASSIGN vaerdier+=ident (BAR vaerdier+=ident)*           # TypeDekl
    | YDELSE kode=ident navn=STRING LBRACE ydelseLed* RBRACE                  # YdelseDekl
    | REGEL navn=ident LPAREN (params+=param (SEMI params+=param)*)? RPAREN
      COLON retur=typeRef LBRACE regelAttr* ASSIGN krop=expr RBRACE           # RegelDekl
    | KONTERING navn=ident LPAREN (params+=param (SEMI params+=param)*)? RPAREN
      LBRACE regelAttr* konteringLinje* RBRACE                                # KonteringDekl
    | UDBETALING LBRACE udbetalingLed* RBRACE                                 # UdbetalingDekl
    | UNDTAGELSE navn=ident TIL regel=ident (FOR KOMMUNE kommune=NUMBER)? LBRACE regelAttr*
      NAAR betingelse=expr ASSIGN vaerdi=expr RBRACE                          # UndtagelseDekl
    | TABEL navn=ident LPAREN (params+=param (SEMI params+=param)*)? RPAREN
      COLON retur=typeRef LBRACE regelAttr* TRAEF politik=ident raekker+=tabelRaekke*
      RBRACE                                                                  # TabelDekl
    | MODREGNING navn=ident LBRACE regelAttr* OMFATTER omfatter=expr
      (HOEJST ASSIGN hoejst=expr)? RBRACE                                     # ModregningDekl
    | TILBAGEBETALING navn=ident LBRACE regelAttr* FORDRINGSTYPE fordringstype=STRING
      definitioner+=definition* RBRACE                                        # TilbagebetalingDekl
    ;

// One row of a decision table: a condition cell per parameter, then the result.
//   | 5..26 | 40 % |
tabelRaekke : BAR (celler+=tabelCelle BAR)+ ;

tabelCelle
    : MINUS                                        # CelleAlle
    | fra=expr DOTDOT til=expr                     # CelleInterval
    | op=(LT | LE | GT | GE | NE) graense=expr     # CelleSammenligning
    | vaerdier+=expr (COMMA vaerdier+=expr)*       # CelleVaerdier
    ;

param : navn=ident COLON type=typeRef (valgfri=VALGFRI)? ;

regelAttr
    : LOVGRUNDLAG tekst=STRING    # RegelLovgrundlag
    | VERSION tekst=STRING        # RegelVersion
    | KOMMUNEN KAN AENDRE         # RegelKommunalTilpasning
    | GYLDIG FRA fra=DATE (TIL til=DATE)?   # RegelGyldighed
    | BEVIDST HUL begrundelse=STRING        # RegelBevidstHul
    ;

ydelseLed
    : LOVGRUNDLAG tekst=STRING                                            # LedLovgrundlag
    | VERSION tekst=STRING                                                # LedVersion
    | FAGSYSTEM vaerdier+=ident (COMMA vaerdier+=ident)*                   # LedFagsystem
    | MODTAGER vaerdier+=ident (COMMA vaerdier+=ident)*                    # LedModtager
    | PERIODE art=ident                                                   # LedPeriode
    | GYLDIG FRA fra=DATE (TIL til=DATE)?                                 # LedGyldighed
    | SKAT art=ident                                                      # LedSkat
    | INDKOMSTTYPE tekst=STRING                                           # LedIndkomsttype
    | GRUNDLAG LBRACE felter+=param* RBRACE                               # LedGrundlag
    | KRAV betingelse=expr ELLERS AFVIS kode=ident besked=STRING
      (FELT felt=STRING)?                                                 # LedKrav
    | definition                                                          # LedDefinition
    | EINDKOMST LBRACE felter+=eindkomstFelt* RBRACE                      # LedEIndkomst
    | KONTERING navn=ident LPAREN (args+=navngivetArg (SEMI args+=navngivetArg)*)? RPAREN
                                                                          # LedKontering
    | MODREGNING navn=ident                                               # LedModregning
    | TILBAGEBETALING navn=ident                                          # LedTilbagebetaling
    ;

udbetalingLed
    : definition                                   # UdbLedDefinition
    | KONTERING LBRACE konteringLinje* RBRACE      # UdbLedKontering
    | DAEKNING LBRACE RAEKKEFOELGE noegler+=expr (COMMA noegler+=expr)*
      DAEK dele+=ident (COMMA dele+=ident)* RBRACE  # UdbLedDaekning
    ;

definition : navn=ident (COLON type=typeRef)? ASSIGN vaerdi=expr ;

eindkomstFelt : FELT nummer=NUMBER ASSIGN vaerdi=expr ;

navngivetArg : navn=ident ASSIGN vaerdi=expr ;

konteringLinje : art=ident COLON DEBET debet=expr KREDIT kredit=expr ;

// `Beløb pr. måned`: an amount with a period unit (the dot may be left out).
typeRef
    : SANDFALSK                                      # BoolType
    | navn=ident (PR DOT? enhed=ident)?              # NamedType
    ;

// Precedence: earlier alternatives bind tighter; `hvis` and `vælg` bind loosest.
expr
    : primary                                                           # PrimaryExpr
    | MINUS operand=expr                                                # NegExpr
    | lhs=expr op=(STAR | SLASH) rhs=expr                               # MulExpr
    | lhs=expr op=(PLUS | MINUS) rhs=expr                               # AddExpr
    | lhs=expr op=(LT | LE | GT | GE | EQ | NE) rhs=expr                # CompareExpr
    | IKKE operand=expr                                                 # NotExpr
    | lhs=expr OG rhs=expr                                              # AndExpr
    | lhs=expr ELLER rhs=expr                                           # OrExpr
    | HVIS betingelse=expr SAA saa=expr ELLERS ellers=expr              # HvisExpr
    | VAELG emne=expr LBRACE grene+=vaelgGren+ RBRACE                   # VaelgExpr
    ;

vaelgGren : vaerdier+=ident (COMMA vaerdier+=ident)* COLON vaerdi=expr ;

primary
    : NUMBER KR                                                         # BelobLiteral
    | NUMBER PERCENT                                                    # ProcentLiteral
    | NUMBER                                                            # TalLiteral
    | STRING                                                            # TekstLiteral
    | DATE                                                              # DatoLiteral
    | SAND                                                              # SandLiteral
    | FALSK                                                             # FalskLiteral
    | KONTO funktion=NUMBER (DRANST dranst=NUMBER)? (GRUPPERING gruppering=NUMBER)?
      (ART kontoart=NUMBER)?                                            # KontoLiteral
    | LOGISK navn=ident                                                 # LogiskKontoLiteral
    | FORDRINGER (HVOR betingelse=expr)?                                 # FordringListeExpr
    | navn=ident LPAREN (args+=expr (SEMI args+=expr)*)? RPAREN         # KaldExpr
    | dele+=ident (DOT dele+=ident)*                                    # NavnExpr
    | LPAREN indre=expr RPAREN                                          # ParenExpr
    ;

// Words that are keywords only where the grammar expects them; elsewhere they are names
// (`periode.fra`, `grundlag.beløb`, a grundlag field called `art`).
ident
    : IDENT | PERIODE | GRUNDLAG | MODTAGER | FAGSYSTEM | SKAT | ART | FELT | VERSION
    | LOVGRUNDLAG | INDKOMSTTYPE | EINDKOMST | DRANST | GRUPPERING | TYPE | KRAV | GYLDIG
    | FRA | TIL | DEBET | KREDIT | UDBETALING | LOGISK | FAGSYSTEMER | TABEL | TRAEF | VALGFRI | UNDTAGELSE | FOR | KOMMUNE | KOMMUNEN | KAN | AENDRE
    | MODREGNING | TILBAGEBETALING | OMFATTER | HOEJST | FORDRINGSTYPE | DAEKNING | RAEKKEFOELGE
    | DAEK
    | BEVIDST | HUL | PR
    ;

// ---- Lexer ----------------------------------------------------------------------------------

KATALOG      : 'katalog' ;
VERSION      : 'version' ;
FAGSYSTEMER  : 'fagsystemer' ;
FAGSYSTEM    : 'fagsystem' ;
TYPE         : 'type' ;
YDELSE       : 'ydelse' ;
REGEL        : 'regel' ;
KONTERING    : 'kontering' ;
UDBETALING   : 'udbetaling' ;
LOVGRUNDLAG  : 'lovgrundlag' ;
MODTAGER     : 'modtager' ;
PERIODE      : 'periode' ;
GYLDIG       : 'gyldig' ;
FRA          : 'fra' ;
TIL          : 'til' ;
SKAT         : 'skat' ;
INDKOMSTTYPE : 'indkomsttype' ;
GRUNDLAG     : 'grundlag' ;
KRAV         : 'krav' ;
AFVIS        : 'afvis' ;
FELT         : 'felt' ;
EINDKOMST    : 'eindkomst' ;
DEBET        : 'debet' ;
KREDIT       : 'kredit' ;
KONTO        : 'konto' ;
LOGISK       : 'logisk' ;
DRANST       : 'dranst' ;
GRUPPERING   : 'gruppering' ;
ART          : 'art' ;
HVIS         : 'hvis' ;
SAA          : 'så' ;
ELLERS       : 'ellers' ;
VAELG        : 'vælg' ;
OG           : 'og' ;
ELLER        : 'eller' ;
IKKE         : 'ikke' ;
SAND         : 'sand' ;
FALSK        : 'falsk' ;
SANDFALSK    : 'Sand/Falsk' ;
KR           : 'kr' ;
TABEL        : 'tabel' ;
UNDTAGELSE   : 'undtagelse' ;
FOR          : 'for' ;
KOMMUNE      : 'kommune' ;
KOMMUNEN     : 'kommunen' ;
KAN          : 'kan' ;
AENDRE       : 'ændre' ;
NAAR         : 'når' ;
VALGFRI      : 'valgfri' ;
TRAEF        : 'træf' ;
MODREGNING   : 'modregning' ;
TILBAGEBETALING : 'tilbagebetaling' ;
OMFATTER     : 'omfatter' ;
HOEJST       : 'højst' ;
FORDRINGSTYPE : 'fordringstype' ;
DAEKNING     : 'dækning' ;
RAEKKEFOELGE : 'rækkefølge' ;
DAEK         : 'dæk' ;
FORDRINGER   : 'fordringer' ;
HVOR         : 'hvor' ;
BEVIDST      : 'bevidst' ;
HUL          : 'hul' ;
PR           : 'pr' ;

LBRACE  : '{' ;
RBRACE  : '}' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COLON   : ':' ;
SEMI    : ';' ;
COMMA   : ',' ;
DOTDOT  : '..' ;
DOT     : '.' ;
BAR     : '|' ;
ASSIGN  : '=' ;
PLUS    : '+' ;
MINUS   : '-' | '−' ;
STAR    : '*' | '×' ;
SLASH   : '/' ;
PERCENT : '%' ;
LE      : '<=' | '≤' ;
GE      : '>=' | '≥' ;
NE      : '!=' | '≠' ;
EQ      : '==' ;
LT      : '<' ;
GT      : '>' ;

DATE   : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
// Danish and English number forms: 12326, 12326.00, 12326,00, 12.326,00, 5.57.73 (account
// functions). Which forms are valid where is checked when the literal is built.
NUMBER : DIGIT+ ('.' DIGIT+)* (',' DIGIT+)? ;
STRING : '"' (~["\\\r\n] | '\\' ["\\n])* '"' ;
IDENT  : LETTER (LETTER | DIGIT | '_')* ;

COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n]+ -> skip ;

// Anything else becomes a token the parser rejects with a positioned diagnostic.
UNKNOWN_CHAR : . ;

fragment DIGIT  : [0-9] ;
fragment LETTER : [\p{L}_] ;
