/**
 * The commonest passwords, lower-cased: the top of the published "most common passwords" lists
 * (as seen in breaches), keyboard walks, and the Danish words, names, places and clubs people
 * build their passwords from. Most are shorter than our 12-character minimum on their own; they
 * are here because "Sommer2024!!" or "p@ssw0rd1234" is one of them with digits and symbols
 * around it, which passwordPolicy.ts also refuses. One entry per whitespace-separated word.
 */
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang
1234567890 michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer
trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger
sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233
george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777
pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley 6969
nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix
william corvette hello martin heather secret merlin diamond 1234qwer hammer silver 222222
88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer
cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick
phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey steelers
joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers
yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple banana junior
hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701
coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny
edward 333333 oliver redsox player nikita knight fender barney midnight please brandy
chicago badboy slayer rangers charles angel flower bigdaddy rabbit wizard jasper enter
rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince marine
fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal
87654321 12344321 golden 8675309 panther lauren angela spanky thx1138 angels madison
winston shannon mike toyota jordan23 canada sophie apples tiger 123abc pokemon qazxsw 55555
qwaszx muffin johnson murphy cooper jonathan liverpoo david danielle 159357 jackie 1990
123456a 789456 turtle abcd1234 scorpion qazwsxedc 101010 butter carlos password1 dennis
slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork rainbow nathan
john 1992 rocket viking redskins 1212 sierra peaches gemini doctor wilson sandra helpme
qwertyui victor florida dolphin pookie captain tucker blue liverpool theman bandit dolphins
maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy stupid
monica elephant giants hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior
1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 alex bond007 alexis 1111111
samson 5150 willie scorpio bonnie gators benjamin voodoo driver dexter 2112 jason calvin
freddy 212121 creative 12345a sydney rush2112 1989 asdfghjk red123 bubba 4815162342
passw0rd trouble gunner happy gordon legend jessie stella qwert eminem arthur apple nissan
bear america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969
jack asdasd december 2222 102030 252525 11223344 magic apollo skippy 315475 girls kitten
golf copper braves shelby godzilla beaver fred tomcat august buddy airborne 1993 1988
lifehack qqqqqq brooklyn animal platinum phantom online xavier darkness blink182 power fish
green 789456123 voyager police travis 12qwaszx heaven snowball lover abcdef 00000 pakistan
007007 walter playboy blazer cricket sniper donkey willow loveme saturn therock redwings
bigboy pumpkin trinity williams nintendo digital destiny topgun runner marvin guinness
chance bubbles testing fire november minecraft asdf1234 lasvegas sergey broncos cartman
private celtic birdie little cassie babygirl donald beatles 1313 family 12121212 school
louise gabriel eclipse fluffy 147258369 lol123 explorer beer nelson flyers spencer scott
lovely gibson doggie cherry andrey snickers buffalo pantera metallica member carter qwertyu
peter alexande steve bronco paradise goober 5555 samuel montana mexico dreams michigan
carolina yankee friends magnum surfer maximus genius cool vampire lacrosse asd123 aaaa
christin kimberly speedy sharon carmen 111222 kristina sammy racing ou812 sabrina horses
0987654321 qwerty1 pimpin baby stalker enigma 147147 star poohbear 147258 simple 12345q
marcus brian 1987 qweasdzxc drowssap hahaha caroline barbara dave viper drummer action
einstein genesis hello1 scotty friend forest 010203 hotrod google vanessa spitfire badger
maryjane friday alaska 1232323q tester jester jake champion billy 147852 rock hawaii chevy
420420 walker stephen eagle1 bill 1986 october gregory svetlana pamela 1984 music shorty
westside stanley diesel courtney 242424 kevin hitman mark 12345qwert reddog frank qwe123
popcorn patricia aaaaaaaa 1969 teresa mozart buddha anderson paul melanie abcdefg security
lucky1 lizard denise 3333 a12345 123789 ruslan stargate simpsons scarface eagle 123456789a
thumper olivia naruto 1234554321 general cherokee a123456 vincent spooky qweasd free
frankie douglas death 1980 loveyou kitty kelly veronica suzuki semperfi penguin mercury
liberty spirit scotland natalie marley vikings system sucker king allison marshall 1979
098765 qwerty12 hummer adrian 1985 sandman rocky leslie antonio 98765432 4321 softball
passion mnbvcxz rascal howard franklin bigred alexander homer redrum jupiter claudia
55555555 141414 zaq12wsx patches raider infinity andre 54321 college russia kawasaki
bishop 77777777 vladimir money1 freeuser wildcats francis disney budlight brittany 1994
00000000 sweet oksana honda domino bulldogs brutus swordfish norman monday jimmy ironman
ford fantasy 9999 7654321 duncan cougar 1977 jeffrey house dancer brooke timothy super
marines justice digger connor patriots karina 202020 molly everton tinker alicia pearljam
stinky naughty colorado 123123a water test123 ncc1701d motorola ireland asdfg matt houston
boogie zombie accord vision bradley reggie kermit froggy ducati avalon 6666 sarah saints
logitech chopper 852456 simpson madonna juventus claire 159951 zachary wolverine warcraft
hello123 extreme peekaboo fireman eugene brenda 123654789 russell panthers georgia smith
skyline jesus elizabeth spiderman smooth pirate empire bullet 8888 virginia valentin
psycho predator arizona 134679 mitchell alyssa vegeta titanic christ goblue wolf mmmmmm
kirill indian hiphop baxter awesome people danger roland mookie 741852963 1111111111
dreamer bambam arnold 1981 skipper serega rolltide elvis changeme simon 1q2w3e lovelove
denver tommy mine loverboy hobbes happy1 alison nemesis chevelle cardinal burton picard
151515 tweety michael1 147852369 12312 xxxx windows turkey 456789 1974 sublime 1975 galina
bobby newport manutd daddy american alexandr 1966 victory rooster qqq111 madmax electric
a1b2c3 wolfpack spring phpbb lalala darkside classic raptor 123456789q hendrix 1982 wombat
avatar alpha zxc123 crazy hard england brazil 1978 01011980 wildcat polina freepass
iloveyou1 princess1 123456789012 1234567890123 12345678910 123456123456 123123123123
111111111111 000000000000 121212121212 112233445566 147258369147 987654321098 012345678901
qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm qwertyqwerty qwerty123456 qwertyuiop123
1qaz2wsx3edc 1qaz2wsx3edc4rfv 1q2w3e4r5t6y 1q2w3e4r5t6y7u q1w2e3r4t5y6 qazwsxedcrfv
zaq12wsxcde3 zaq1xsw2cde3 1qazxsw23edc 1qaz@wsx3edc !qaz2wsx3edc asdfghjkl123 zxcvbnm123456
password1234 password12345 password123456 passwordpassword password123! password1! p@ssw0rd
p@ssword pa$$word passw0rd1 password123 password12 password2 abc123456789 abcdefghijkl
abcdefghijklmnopqrstuvwxyz abcdefgh12345 iloveyou1234 iloveyouiloveyou iloveyou123456
letmeinletmein letmein12345 welcome12345 welcome123456 welcome2024 welcome2025 welcome2026
administrator administrator1 admin12345678 adminadmin adminadminadmin admin123456 administrador
changemeplease changeme123 trustno1trustno1 baseball1234 football1234 football12345
monkeymonkey sunshine1234 princess1234 starwars1234 superman1234 batman123456 dragon123456
correcthorsebatterystaple thequickbrownfoxjumpsoverthelazydog thequickbrownfox
qwertzuiop qwertzuiopü asdfghjklöä yxcvbnm azertyuiop qsdfghjklm wxcvbn
qwertyuiopå asdfghjklæø zxcvbnm,.- qwertyuiopåasdfghjklæø 1234qwerasdfzxcv 1234qwerasdf
admin root toor guest user login default demo sample example
kodeord adgangskode password hemmelig hemmeligt hemmelighed kode koden minkode mitkodeord
kodeord123 kodeord1234 adgangskode1 adgangskode123 adgangskode1234 nytkodeord nyadgangskode
midlertidig midlertidigt skiftmig skiftkodeord glemt glemtkodeord login123 logind
velkommen velkommen1 velkommen123 velkommen1234 velkommen2024 velkommen2025 velkommen2026
hejmeddig hejsa hejhej hejsameddig hallo halløj godmorgen godnat godaften tusindtak
sommer sommer1 sommer123 sommer2023 sommer2024 sommer2025 sommer2026 sommerferie vinter
vinter2024 vinter2025 foraar forår efteraar efterår januar februar marts april maj juni juli
august september oktober november december mandag tirsdag onsdag torsdag fredag lørdag
loerdag søndag soendag weekend ferie jul julemand glaedeligjul glædeligjul nytaar nytår
danmark danmark1 danmark123 danmark1234 dannebrog kobenhavn københavn koebenhavn aarhus
århus odense aalborg ålborg esbjerg randers kolding horsens vejle roskilde herning silkeborg
helsingør helsingoer naestved næstved fredericia viborg koege køge holstebro taastrup
slagelse hilleroed hillerød svendborg sønderborg sonderborg hjoerring hjørring holbaek
holbæk frederikshavn noerresundby nørresundby ringsted haderslev skive ishoej ishøj
albertslund brondby brøndby brondbyif hvidovre glostrup ballerup greve herlev rødovre
roedovre valby vesterbro noerrebro nørrebro amager østerbro oesterbro frederiksberg
christiania tivoli legoland lego nyhavn amalienborg jylland sjaelland sjælland fyn bornholm
fodbold fodbold1 fodbold123 handbold håndbold haandbold badminton cykel cykling svoemning
fck fckbh fckøbenhavn agf aab aabfodbold obodense ob1887 fcmidtjylland fcm randersfc
vejleboldklub lyngby silkeborgif sonderjyske esbjergfb landsholdet danishdynamite
carlsberg tuborg heineken hygge hyggelig kaffe kage smørrebrød smoerrebroed rødgrød
frikadeller flæskesteg flaeskesteg leverpostej remoulade pølse poelse rugbrød rugbroed
hund hunden hunde kat katten kattemis missekat mis pus pusser bamse bamsefar bamsemor
bamser hest hesten pony kanin hamster fugl fisk ko gris ged and ugle løve loeve tiger
elefant abe mus muse mickeymouse anders andersand andeby rasmusklump pippi pippilangstrømpe
elskerdig jegelskerdig elsker kærlighed kaerlighed kæreste kaereste skat skattebasse
min mit mine minskat mitliv livet lykke lykkelig glad smil solskin solen sol regnbue
stjerne stjernen maane måne himmel blomst blomster rose roser tulipan
mor far mormor morfar farmor farfar mama papa mommy daddy bror soester søster barn boern
børn familie familien hjem hjemme huset
peter jens lars michael henrik thomas søren soren niels rasmus jesper martin morten mads
frederik emil oliver william noah lucas victor magnus mathias christian kasper anders
jakob jacob nikolaj mikkel simon jonas tobias sebastian alexander daniel kristian hans
poul per ole erik bent jørgen joergen knud svend preben flemming finn john kim allan brian
carsten claus torben steen bo jan kenneth rene rené dennis jimmy bjarne kurt leif poul
mette hanne anne kirsten susanne lene marianne charlotte louise camilla maria helle tina
pia inge birgitte karen lone lise gitte dorthe bente jette annette pernille rikke mai
sofie ida freja emma laura anna clara ella alma isabella caroline julie mathilde nanna
josefine cecilie signe line maja karla olivia agnes astrid liv luna frida esther
jensen nielsen hansen pedersen andersen christensen larsen sørensen sorensen rasmussen
jørgensen jorgensen petersen madsen kristensen olsen thomsen christiansen poulsen johansen
møller moller mortensen knudsen jakobsen jacobsen mikkelsen olesen frederiksen laursen
henriksen schmidt lund holm eriksen kristiansen nissen clausen simonsen svendsen andreasen
bolig boliger boligforening boligselskab almenbolig almennebolig beboer beboere beboerhus
beboerforening afdeling afdelingsbestyrelse lejer lejere lejlighed udlejer vicevært
viceværten ejendom naboskab nabo naboer fællesskab faellesskab fælleshus faelleshus
kab fsb bo-vest boligkontoret lejerbo domea bob business business2community b2c
historier historie stories story succes succeshistorie video videoer klip
redaktør redaktoer redaktor editor medlem member bruger brugeren administrator medarbejder
kommune kommunen firma virksomhed kontor kontoret arbejde arbejdet job
`

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean))
