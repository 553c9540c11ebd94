"""Hold the words and patterns that quotation, sentence and metadata code read English news with."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence


def wordset(text: str) -> frozenset[str]:
    """Turn a space-separated word list into a set."""
    return frozenset(text.split())


MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")

# Abbreviations read the same way by the sentence splitter and the quote code.
_SHARED_TITLES = wordset("mr mrs ms dr prof st rev revd sen gen gov rep capt col lt sgt maj cmdr cdr adm cpl cllr hon")
_SHARED_ABBREVIATIONS = wordset("no vs etc inc ltd co corp jan feb mar apr aug sep sept oct nov dec ft mt")
# Titles that are followed by a name or number, so a full stop after them never ends a sentence. The quote
# code's tokenizer leaves "Insp. Supt. Det." (and "Mx. Fr. Messrs.") unjoined: they are not honorifics
# there, so kept whole they would become part of the name ("Det. Supt. Jane Smith").
TITLE_ABBREVIATIONS = _SHARED_TITLES | wordset("mx insp supt det fr messrs")
# Real abbreviations the sentence splitter keeps from nupunkt's model (besides dotted forms and letters).
ABBREVIATIONS = (
    TITLE_ABBREVIATIONS
    | _SHARED_ABBREVIATIONS
    | wordset("jr nos bros jun jul approx dept est fig figs vol vols pp ed eds cf viz al ave rd")
)
# Titles and suffixes the quote code reads as one token with their dot. The sentence splitter still breaks
# after "Reps. Sens. Del. Rt. Sr.": adding them there changes its sentences ("…lead Sens." | "Jon
# Tester…"), a change of behaviour to make on its own, not as part of sharing these lists.
_DOTTED_NAME_WORDS = _SHARED_TITLES | wordset("reps sens del rt jr sr")
# The quote code's sentence ends skip the rarer abbreviations, some of which are names ("…,” said Al.").
_QUOTE_ABBREVIATIONS = _DOTTED_NAME_WORDS | _SHARED_ABBREVIATIONS | wordset("a.m p.m")

_VERBS = (
    "said says say added adds explained explains wrote writes warned warns concluded concludes told tells "
    "urged urges stressed stresses insisted insists argued argues noted notes commented comments claimed "
    "claims admitted admits declared declares asked asks replied replies responded "
    "responds stated states acknowledged acknowledges suggested suggests recalled recalls observed observes "
    "remarked tweeted tweets posted joked jokes quipped quips countered counters cautioned cautions "
    "conceded concedes predicted predicts promised vowed vows emphasised emphasises emphasized emphasizes "
    "highlighted highlights announced announces shouted yelled pleaded answered agreed agrees confirmed "
    "confirms revealed reiterated reiterates complained complains lamented laments boasted boasts mused "
    "recounted recounts demanded demands asserted asserts maintained maintains contended contends "
    "charged testified exclaimed retorted interjected interrupted heckled welcomed welcomes read reads whispers "
    "whispered shouts sighs sighed laughs laughed murmurs murmured muttered mutters "
    # a popular paper's: "“Who does that to a 92-year-old?” Karen fumed."
    "fumed fumes raged rages sobbed sobs wept gushed gushes beamed raved snapped "
    "begged begs cried grinned grins smiled smiles chuckled chuckles "
    # a profile's: "“The first time I went to group …,” she remembers."
    "remembers remembered"
)
_PARTICIPLES = (
    "saying adding explaining writing warning concluding telling urging stressing insisting arguing "
    "noting commenting claiming admitting declaring asking replying responding stating acknowledging "
    "suggesting recalling observing remarking tweeting promising vowing emphasising emphasizing"
)
# A cue verb of speech, in one of three groups: "according to" ("in the words of"), a participle ("saying") or a verb.
CUE = re.compile(
    r"\b(?:(?P<according>[Aa]ccording to|[Ii]n the words of)|(?P<part>"
    + "|".join(_PARTICIPLES.split())
    + r")|(?P<verb>"
    r"called for|calls for|pointed out|points out|went on|goes on|put it|puts it|summed it up|sums it up|"
    r"shot back|fired back|hit back|called out|calls out|cut in|cuts in|chipped in|(?<=I )tell|"
    r"(?<=I )ask|(?<=[Ww]e )tell|began(?=:|$)|begins(?=:|$)|"  # "It began:"
    r"continue[sd](?! to\b)|"  # "“…,” she continued", not "Brightwell had continued to pay staff"
    r"blast(?:ed|s)(?=[:.,]|$)|slam(?:med|s)(?=[:.,]|$)|"  # a popular paper's "the mum blasted:", not "blasted him"
    # a report's or inspectors' finding ("The CQC's report found staffing was “frequently below planned levels”"),
    # not what someone came upon ("horrified by what they found"), nor "was found with pressure sores"
    + "".join(rf"(?<!\b{word} )" for word in "they we he she I who it was were been be is are".split())
    + r"(?:finds|found)(?=[ :]|$)|"
    # "described the culture on the wards as “polite …”", not "what it described as", "the pressures described by"
    r"describe[sd](?= (?:the|a|an|his|her|their|its|it|them|him|this|that|these|those)\b[^.“\"]{0,80} as\b)|"
    + "|".join(_VERBS.split()) + r"))\b"
)

# Numbers in words, which open sentences capitalised ("Three days after her diagnosis, …"): never a name
NUMBER_WORDS = wordset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozens hundreds thousands"
)

HONORIFICS = wordset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron cllr councillor rev revd mayor "
    "reverend rt hon rep reps sen sens del gov capt gen col lt sgt maj cmdr cdr adm cpl fr rabbi imam bishop archbishop"
)
# Nouns that name a person's role or relation ("secretary", "spokesman", "widow"): the head of a role phrase.
# People who speak for nobody but themselves, though named with a body: "one GOP source", "an NHS insider".
SOURCES = wordset("source sources insider insiders whistleblower whistleblowers")
ROLE_NOUNS = wordset(
    "secretary minister chancellor chief executive ceo officer president chairman chairwoman chair "
    "chairperson director leader mayor spokesman spokeswoman spokesperson head governor senator "
    "congressman congresswoman representative commissioner manager founder adviser advisor aide editor "
    "deputy shadow speaker candidate nominee treasurer ambassador attorney general justice judge "
    "economist analyst researcher scientist historian lawyer official campaigner consultant nurse "
    "surgeon doctor physician lecturer teacher trustee partner fellow member host presenter columnist "
    "correspondent reporter businessman businesswoman developer strategist pollster activist coordinator co-ordinator "
    "opponent rival challenger administrator inspector registrar lead principal superintendent commander "
    "clerk author writer "
    "owner worker resident mother father wife husband son daughter sister brother niece nephew friend "
    "colleague boss mp widow veteran scholar physicist professor expert student councillor organiser "
    "organizer carer midwife paramedic pharmacist therapist dentist gp practitioner coroner matron "
    "physiotherapist ombudsman volunteer widower vicar chaplain psychiatrist psychologist clinician patron "
    "granddaughter grandson grandmother grandfather "
    "visitor optometrist optician receptionist porter sonographer radiographer anaesthetist dietitian podiatrist "
    "assistant supervisor mentor tutor solicitor barrister headteacher recruiter "
    "cyclist driver passenger victim survivor neighbour donor winner convener convenor lady crewmate caller listener "
    "reader viewer customer client participant tenant actor actress star co-star singer musician footballer striker "
    "captain comedian chef athlete respondent interviewee whistleblower champion"
)
MODIFIERS = wordset(
    "health care social state public education housing treasury foreign home defence defense business "
    "transport local government prime junior senior interim acting clinical medical nursing adult adults "
    "children mental national former labour conservative tory democrat democrats democratic republican "
    "republicans liberal independent policy finance economic environment environmental digital culture "
    "communities international trade security development majority minority ranking oversight operating financial "
    "regional branch technology information operations district"
)
ORG_WORDS = wordset(
    "association council department ministry office committee commission agency authority trust foundation society "
    "institute institution fund union party federation confederation alliance network partnership board service "
    "services group centre center centres centers college university school hospital hospitals government "
    "parliament congress senate house campaign company corporation inc ltd plc bank news times post guardian "
    "telegraph press forum coalition organisation organization charity bureau club court tribunal inquiry police "
    "army england scotland wales uk providers healthwatch administration caucus panel team church cabinet county co "
    "republicans democrats conservatives tories homes healthcare hospice practice surgery clinic pharmacy care "
    "homecare support advice unison unite mencap ofsted ombudsman library museum street road avenue square crescent "
    "terrace senedd assembly band choir orchestra awards festival conference summit men women united rovers "
    "wanderers athletic fc afc solutions weekly daily journal gazette magazine herald chronicle courier advertiser "
    "bulletin friends league infirmary systems technologies software labs networks consulting consultancy partners "
    "analytics"
)
# What speaks for its authors ("The report said"); named in an appositive, its title ("The report, Left Behind,")
DOCUMENTS = frozenset((
    "report study survey research analysis review paper briefing audit decision document "
    "judgment judgement ruling"  # a court's or tribunal's: the judge's words
).split())
LETTERS = frozenset({"letter", "memo"})  # speak for whoever signed or wrote them
MESSAGES = frozenset("statement message post email e-mail note tweet".split())  # speak for whoever put them out
# Where the sentence holding an offset begins: after a full stop (and any closing mark) or a line break
SENTENCE_BREAK = re.compile(r"[.!?][”’\"']?\s+|\n")
# An office that is not the one itself: "Shadow health secretary Tobias Wren" holds no health secretary's office
QUALIFIED_OFFICE = re.compile(r"\b(?:shadow|former|deputy|assistant|acting|interim|vice|junior|ex-)\s*$", re.I)
SEAT_MEMBERS = frozenset({"mp", "msp", "mla", "ms"})  # after "the" and a place ("the Kinnaird East MSP"), a role
POSTNOMINALS = wordset(
    "obe mbe cbe kbe dbe frcp frcs frcgp frcn fmedsci phd msc mp msp ms mla td qc kc jp dl frs rn jr sr ii iii iv"
)
# Months that are also names (Theresa May, June Sarpong) are not function words, so a name can hold them.
_NAME_MONTHS = wordset("april may june august")
FUNCTION_WORDS = (
    wordset(
        "the a an but and or so yet however meanwhile then now still also in on at for with as after before "
        "when while if though although because since yesterday today tonight tomorrow this that these those "
        "there here it its his her their our my your we i you they he she speaking asked writing commenting "
        "responding said says added adds wrote writes last earlier later separately of to from by editor’s editor's "
        "who what why how where was is are were has have had will be not no "
        # sentence adverbs that open a point ("Second, the NHS …"); not "first": "First Minister"
        "firstly second secondly third thirdly lastly finally "
        "most many some all few several others both one "  # "Most said …", "One, who asked not to be named, said"
        "nobody everybody somebody anybody everyone someone anyone "  # "Nobody writes that bit down"
        "i'm i’m i've i’ve i'd i’d i'll i’ll "  # "I'm pleased," she said: no one called I'm
        # prepositions that open a sentence: "Through Brannock Days, Graham learned …"
        "through throughout despite during via across without within among amongst between beyond towards until "
        "hi hello hey"  # a greeting before a name: "Hi Jodie, we're so sorry …" names Jodie
    )
    | WEEKDAYS
    | (frozenset(MONTHS) - _NAME_MONTHS)
)
# Lowercase words inside a name ("Ursula von der Leyen"); a name never starts with one.
NAME_PARTICLES = wordset("de da del della di du van von der den la le bin al ibn ap")
RUN_CONNECTORS = wordset("of for and & on at in") | NAME_PARTICLES
SPLITTERS = wordset("of for at from in on")
POSSESSIVES = wordset("his her their its our my")  # an owner's words: "His daughter" is not a man
DETERMINERS = wordset("the a an one another this that") | POSSESSIVES
PRONOUNS = wordset("he she they it we i")
OBJECT_PRONOUNS = wordset("me us him them")  # no noun phrase holds one: "A spokesperson sent me this"
SKIPPABLE = wordset(
    "also later then has had have once further previously recently simply only who would will earlier "
    "again subsequently repeatedly often publicly privately separately today yesterday still just"
)
LEFTOVER = wordset("and but so then as")
INTRO_WORDS = wordset(
    "in at on of about during after before following despite with for as while when since speaking asked "
    "writing commenting responding addressing last earlier later in yesterday today asked according inside "
    "outside meanwhile elsewhere nearby afterwards"
)
# Relatives a speaker may be known by ("my mother said"), each with the pronoun that refers back to them.
FEMALE_KIN = wordset(
    "mother wife daughter granddaughter sister niece aunt grandmother girlfriend mum mom mam grandma nan nana gran "
    "granny stepmother stepdaughter"
)
MALE_KIN = wordset(
    "father husband son grandson brother nephew uncle grandfather boyfriend dad grandad granddad grandpa stepfather "
    "stepson"
)
KIN = FEMALE_KIN | MALE_KIN
# Nouns that name a person ("nurse", "daughter", "source", "woman"), not a thing ("a trolley", "a care home").
SOMEONE = ROLE_NOUNS | SOURCES | KIN | wordset(
    "woman man person patient parent respondent delegate attendee guest pupil relative"
)
# Plural nouns for people in general, which open a sentence capitalised ("People said we couldn't afford it",
# "Staff were told"): never anyone's name
GROUPS = wordset(
    "people staff patients families residents parents relatives carers nurses doctors workers members campaigners "
    "critics officials experts researchers volunteers locals neighbours colleagues pupils students users visitors"
)
_FEMALE = (
    wordset("ms mrs miss dame lady baroness spokeswoman chairwoman congresswoman businesswoman widow woman girl")
    | FEMALE_KIN
)
_MALE = wordset("mr sir lord baron spokesman congressman businessman man boy gentleman") | MALE_KIN
# Common given names in Britain that are nearly always a woman's or a man's (those used for both are _EITHER):
# "Linda Okafor … she said" is Linda Okafor even after "Mr Okafor", her father.
_WOMEN = wordset(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra "
    "kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia "
    "kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine rachel janet "
    "catherine maria heather diane ruth julie olivia joyce victoria lauren christina joan evelyn judith megan "
    "cheryl hannah jacqueline martha gloria teresa ann anne sara frances kathryn janice abigail alice judy sophia "
    "grace denise amber doris danielle beverly isabella theresa diana natalie charlotte marie claire clare louise "
    "joanne gemma kirsty nicola sian siobhan aoife niamh ciara orla sinead fiona alison gillian lynne lynn wendy "
    "tracey tracy jane caroline philippa harriet imogen eleanor lucy sophie chloe holly zoe ella isla freya poppy "
    "amelia lily rosie ruby phoebe beatrice florence matilda esther miriam naomi leah bethany kate katie jenny "
    "maggie elaine eileen maureen pauline sheila yvonne julia jill bernadette geraldine priya aisha fatima amira "
    "nadia leila yasmin zara anita sunita meera ngozi chioma lydia nina vera olga irina natasha tamsin rhiannon "
    "carys cerys ffion morag eilidh kirsten shona mhairi ailsa agnes edith rosemary penny sally suzanne dawn hazel "
    "lesley tanya vicky becky helena valerie audrey irene sylvia gwen joanna marianne nora polly rosa sonia stella "
    "ellie georgia hayley jade jasmine leanne lorraine mandy melanie michaela paula rachael stacey tina tessa "
    "zainab linzi bridget maeve grainne deirdre kathy bev beverley brid roisin caoimhe mairead eimear saoirse "
    "clodagh nia bethan eluned angharad manon lowri catrin lena ava mia evie elsie sienna sofia emilia maya millie "
    "isabelle eva esme layla mila thea maisie maryam doreen marjorie bronagh rhian seren eleri anjali nisha deepa "
    "parveen shabnam nasreen ayesha amina adaeze funmilayo folake abena efua kelly sioned gwenllian elin delyth "
    "heledd llinos meinir edna mavis ethel gladys hilda nellie winifred beryl muriel enid peggy mabel lilian lillian "
    "norma glenys carole janine debbie debra abbie abby becca jodie kayleigh kayla tegan dee joy jess samira farah "
    "kavita neha pooja simran agnieszka katarzyna magdalena aleksandra amara lakshmi "
    "gail lorna kerry rosalind catriona marian marion moira andrea nadine maxine isobel isabel aileen felicity "
    "ivy jackie jacqui chantelle tasha shelley sadie daisy iris hattie heidi katy cathy carly charlene gina "
    "jenna jemma louisa lucinda lyn marcia marina martina meg molly monica nikki paige patsy rita roberta sasha "
    "shannon sheena sonya susie tamara tara tess trudy una ursula vanessa veronica vicki yvette annabel annie bella "
    "bryony cara caitlin camilla cecilia celia clara daphne fay faye georgina ingrid jeanette josephine karina "
    "katrina keeley lara lottie mairi morven myra nell olive rowena sabrina selina serena shauna susanna tabitha "
    "tilly trisha wilma beth abi alexandra alicia angie annette antonia ashleigh belinda bernice carmel carolyn "
    "claudia colette constance davina delia dolores edwina elisa eliza erica erin estelle eunice fern flora freda "
    "gabrielle georgie gwyneth henrietta jayne juliet justine katharine lindsey liz lizzie lois lucia lynda "
    "lynsey madeleine marguerite marilyn marlene maud melody miranda nerys noreen norah olwen pam penelope phyllis "
    "rhona rebekah robyn rosamund roxanne sybil thelma vivien vivienne yolanda sue suzie kirstie mari siwan "
    "ellen elena carla eve hollie emer nuala shelagh hanna alana aimee amelie anya bianca cora elise elsa francesca "
    "gabriella iona jessie julianne kara kasia keira lana lucie maddie margot mollie scarlett sylvie valentina"
)
_MEN = wordset(
    "james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark "
    "donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob "
    "gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick "
    "raymond jack dennis jerry aaron adam nathan henry douglas peter kyle walter ethan jeremy harold keith roger "
    "gerald carl sean arthur lawrence dylan bryan joe bruce albert alan allan wayne roy ralph eugene vincent "
    "russell louis philip phillip gareth owen rhys iwan dafydd huw aled callum liam connor conor ciaran declan "
    "eoin padraig seamus fergus angus hamish duncan alasdair alistair ewan euan graham graeme ian iain neil niall "
    "nigel colin derek desmond malcolm martin stuart stewart trevor clive barry geoffrey julian rupert giles hugh "
    "simon tom tim rob bob dave steve mike jim bill ben dan nick matt tony harry oliver oscar leo theo archie "
    "freddie alfie jake luke toby joel josh harvey kieran darren craig shaun shane dean ross bradley danny glen "
    "glenn gordon lloyd leonard norman stanley victor vernon mohammed muhammad mohammad ahmed omar hassan imran "
    "tariq rajesh sanjay vikram arjun rohan amit anil sunil kwame kofi emeka tunde dmitri ivan sergei tomasz "
    "piotr marco giovanni carlos miguel pedro diego pablo jorge luis hans klaus pierre jacques rory brendan "
    "dermot eamon eamonn colm cormac donal ronan gwilym owain emrys gethin ioan geraint iestyn noah theodore "
    "finley isaac tommy lucas elijah arlo teddy reuben ezra sebastian ronnie louie emyr cian fraser murdo ravi "
    "bilal yusuf chinedu segun rhodri alun osian tomos hefin carwyn robbie stan ron reg reggie ted eddie wilf "
    "wilfred ernie fred alf alfred cyril len kenny jimmy johnny billy bobby hamza ibrahim aidan aiden gavin hugo "
    "jonah lachlan marcus neville nathaniel reece terence vince farid amir faisal kamal rahul deepak marek jakub "
    "andrzej mateusz pawel krzysztof "
    "tobias bernard geoff phil ken raj dominic adrian leon idris farhan anand hamid nikhil pete alec austin barney "
    "bert bertie brett bryn calum cameron cedric clifford cliff conrad curtis damian damien denis derrick des doug "
    "dwayne edgar edmund edwin elliot elliott ernest evan felix fergal francis gabriel garry gerard gerry gilbert "
    "godfrey gregor greg harrison herbert howard humphrey ivor jeff jerome jon jonny jude laurence lenny lionel "
    "lyndon maurice melvyn mervyn mitchell morris murray neal noel ollie oswald percy quentin randolph rees richie "
    "ricky rodney roland royston rufus sidney spencer stefan steffan travis tristan troy tyrone vaughan "
    "warren wesley willie zachary jamal jermaine kwesi arun ashok dinesh manoj mukesh naveen prakash "
    "rakesh ramesh sanjeev satish suresh vijay asif aziz irfan javed khalid majid nadeem rashid sajid shahid tahir "
    "usman zafar lukasz wojciech tadeusz ray calvin finn zac dev"
)
# Given names used for both ("Sam Hollis", "Jo Pearce"): a name's first word, but no pronoun's
_EITHER = wordset(
    "alex sam jo chris jamie kim jean charlie frankie ashley robin leigh pat billie jesse casey jody toni femi amrit "
    "harjit gurpreet harpreet terry hilary lindsay nicky olu ade chidi sydney"
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = re.compile(
    rf"(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.(?=\s)"
    r"|(?:" + "|".join(sorted(w.capitalize() for w in _DOTTED_NAME_WORDS)) + r")\."
    r"|\d{1,3}(?:,\d{3})+(?:-[\w'’-]*[^\W_])?"  # "9,000-patient" is one word
    r"|[^\W_](?:[\w'’\-]*[^\W_])?(?:\.[^\W_]+)*(?:(?<=s)['’](?=\s+[A-Z]))?|[^\w\s]"
)
# Where the quote code takes a sentence to end: closing punctuation (perhaps with quote marks or brackets),
# space, then a capital, digit or opening mark; `is_sentence_end` then rules out abbreviations and initials.
# This is not sentences.split_sentences: the quote code asks about single dots inside clause fragments
# ("…,” Rep. Smith said"), on its own paragraphs (a single line break can end one), once per quotation.
# Building its sentences from split_sentences instead drops attributed_f1 on the quote dev set from
# 0.853 to 0.785 and costs a quarter of the throughput.
_BOUNDARY = re.compile(r"([.!?…]+)[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[^\W\d_a-z]|\d)")
DASH = re.compile(r"\s*[―—–]\s*|\s+-\s+")
CREDIT_LINE = re.compile(r"[ \t]*\n\s*[―—–][^\n“”\"]{3,120}(?=\n|$)")  # a line under a quote: "— Ann Lee, nurse"
# A capitalised word; an abbreviation keeps its dot ("Gov.", "Ltd."), a short name does not ("Jane Ross. It said")
_DOTTED = "|".join(sorted((w.capitalize() for w in _QUOTE_ABBREVIATIONS | ABBREVIATIONS if w.isalpha()), key=len)[::-1])
_CAP_WORD = rf"(?:(?:{_DOTTED})\.|[{_UPPER}](?:\.(?:[{_UPPER}]\.)*|[\w'’\-]*))"
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=lambda p: (-len(p), p))) + ")"
# Common nouns for an outlet whose name follows them: "presenter on local station Stowmarsh Sound" names no person.
OUTLETS = wordset("station broadcaster newspaper paper magazine channel podcast programme")
# Words that tie a named person to the organisation after them: "Peter Hay from Birmingham City Council".
AFFILIATIONS = frozenset(("from", "at", "of", "for", "with"))
# The last word of a street's name: the town after it in an address is no one ("82, of Church Lane, Marsh St Giles,
# who …")
STREETS = frozenset("lane road street avenue drive crescent terrace close grove mews".split())


def is_street(word: str) -> bool:
    """Say whether a word ends a street's name ("Lane" in "Church Lane")."""
    return word.istitle() and word.lower() in STREETS


PLACE_BEFORE = frozenset(("in", "near", "outside", "on", "along"))  # "from near Llanfair Dyffryn", "on Mill Lane"
# Words that say where someone is, not whom they speak for: "a nurse from Leeds", not "a spokesman for X"
PLACED = AFFILIATIONS - {"for", "with"} | PLACE_BEFORE
RELATIVES = frozenset(("who", "whose", "which", "that", "where", "when"))
PRESENTING = frozenset({"Consider", "Meet", "Take"})  # open a sentence that presents someone: "Meet Jo Pryor."
# Up to five capitalised words (a name, perhaps with particles: "Ursula von der") that end the searched text.
RUN_BEFORE = re.compile(rf"(?:{_CAP_WORD}[ \t]+(?:{_PARTICLE}[ \t]+)?){{1,5}}$")
# Capitalised words, perhaps joined by particles, from where the match starts ("Ursula von der Leyen").
CAP_RUN = re.compile(rf"\b{_CAP_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP_WORD})*")

_CAP_WORDS = rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*"
# A body set up to look into something, and "on": "Commission on the Care Workforce" (not "Ann Roe on Monday")
INQUIRIES = frozenset(("Commission", "Committee", "Inquiry", "Taskforce", "Panel"))
_INQUIRY_ON = "(?:" + "|".join(f"(?<={w})" for w in sorted(INQUIRIES)) + ")"
# Capitalised runs joined by "of", "for" or "and": "Department of Health and Social Care", "Royal College of Nursing".
JOINED_RUN = re.compile(
    rf"\b{_CAP_WORDS}(?:(?:[ \t]+(?:of|for|and|&)|{_INQUIRY_ON}[ \t]+on)[ \t]+(?:the[ \t]+)?{_CAP_WORDS})+"
)
# A department named by a list, with commas inside the name: "Department for Culture, Media and Sport".
LISTED_ORG = re.compile(
    rf"\b(?:Department|Ministry|Office|Committee)[ \t]+(?:for|of)[ \t]+{_CAP_WORDS}"
    rf"(?:,[ \t]+{_CAP_WORDS})+,?[ \t]+(?:and|&)[ \t]+{_CAP_WORDS}"
)

Token = tuple[str, int, int]  # a word or punctuation mark with its start and end offsets


def word_tokens(text: str) -> list[str]:
    """Split text into words and punctuation marks, keeping "Mr." and "G.K." whole."""
    return _TOKEN.findall(text)


def token_spans(text: str) -> list[Token]:
    """Split text like `word_tokens`, keeping each token's offsets."""
    return [(m.group(), *m.span()) for m in _TOKEN.finditer(text)]


def in_listed_org(text: str, pos: int) -> bool:
    """Tell whether the comma at `pos` is inside a listed department's name, not between two phrases."""
    return any(m.start() < pos < m.end() for m in LISTED_ORG.finditer(text, max(0, pos - 120), pos + 120))


def strip_possessive(word: str) -> str:
    """Drop a possessive 's ("Hancock's" -> "Hancock")."""
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def is_cap(word: str) -> bool:
    """Tell whether a word starts with a capital."""
    return word[0].isupper()


def the_in_name(tokens: list[Token], j: int) -> bool:
    """Tell the "the" inside a body's name ("Royal Society for the Protection of Birds", "Commission on the Care
    Workforce") from one that opens a phrase ("Ann Roe of the Care Trust"): a body's word goes before its "of" or
    "for", or an inquiry's before "on"."""
    if j < 2 or tokens[j][0] != "the" or not is_cap(body := tokens[j - 2][0]):
        return False
    link = tokens[j - 1][0]
    return (link in ("of", "for") and body.lower() in ORG_WORDS) or (link == "on" and body in INQUIRIES)


def joins_run(tokens: list[Token], k: int) -> bool:
    """Tell whether token `k` links two capitalised words ("Department of Health", "Ursula von der Leyen",
    "Commission on the Care Workforce"); not a second person with a title of their own ("Ms Roe and Mr Lee")."""
    if k + 2 < len(tokens) and the_in_name(tokens, k + 1):  # the link before a name's "the"
        return is_cap(tokens[k + 2][0])
    if the_in_name(tokens, k):
        return k + 1 < len(tokens) and is_cap(tokens[k + 1][0])
    if k + 1 >= len(tokens) or tokens[k][0].lower() not in RUN_CONNECTORS:
        return False
    following = tokens[k + 1][0]
    return is_cap(following) and following.lower() not in HONORIFICS


# An acronym inside a description, for a pattern: "One AMHP", "An A&E nurse" (what is_acronym tells of a word)
ACRONYM = r"[A-Z][A-Z&]{1,4}"


def is_acronym(word: str) -> bool:
    """Tell an acronym ("NHS", "LGA's") from a word or a post-nominal ("OBE")."""
    bare = strip_possessive(word).replace(".", "").replace("&", "")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha() and bare.lower() not in POSTNOMINALS


def gender_of(word: str) -> str | None:
    """Return "f" or "m" for a gendered honorific or role noun ("Mrs", "spokesman"), else None; "MS" is a Member of
    the Senedd, of either sex."""
    if word == "MS":
        return None
    low = word.lower().rstrip(".")
    return "f" if low in _FEMALE else "m" if low in _MALE else None


def name_gender(words: Sequence[str], name: Sequence[str]) -> str | None:
    """Return the gender a person's mention shows: by an honorific or role noun among `words` ("Mrs", "spokesman"),
    else by the given name of a full `name` ("Linda Okafor"); None when it shows none. A title word inside the
    name is a surname: "Amy Lord" is no lord."""
    found = next((g for g in map(gender_of, (w for w in words if w not in name[1:])) if g), None)
    if found or len(name) < 2:
        return found
    return given_gender(name[0])


@functools.lru_cache(maxsize=4096)
def given_gender(word: str) -> str | None:
    """Return "f" or "m" for a common given name ("Morag", "Keith", "Siân"), else None."""
    bare = _bare_given(word)
    return "f" if bare in _WOMEN else "m" if bare in _MEN else None


@functools.lru_cache(maxsize=4096)
def _bare_given(word: str) -> str:
    """Return a given name without accents, in lower case; a double given name as its last part ("Kerry-Anne",
    "Jean-Paul"), as a double surname ends in a surname ("Ashdown-Reeve")."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    return bare.rpartition("-")[2]


def is_given_name(word: str) -> bool:
    """Tell a common given name ("Alistair", "Morag", "Sam") from other capitalised words."""
    return given_gender(word) is not None or _bare_given(word) in _EITHER


def is_sentence_end(text: str, dot: int) -> bool:
    """Tell a full stop from the dot of an abbreviation or an initial (Mr., Rep., G.K.)."""
    if text[dot] != ".":
        return True
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return True
    bare = word.replace(".", "")
    initial = bare.isupper() and (len(bare) == 1 or "." in word)
    return not (word.lower() in _QUOTE_ABBREVIATIONS or initial)


def sentence_breaks(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Yield the sentence breaks in text[start:end]: group 1 ends a sentence, the match end starts the next."""
    found = _BOUNDARY.finditer(text, start, len(text) if end is None else end)
    return (m for m in found if is_sentence_end(text, m.start(1)))


MAX_OCCURRENCES = 200  # occurrences of a name read to learn its full form and gender


def occurrences(text: str, word: str, prefix: bool = False) -> Iterator[tuple[int, int]]:
    """Yield where `word` occurs in `text` as a whole word, or with `prefix` as the start of a longer one ("Ray" in
    "Raymond"), the first few hundred times."""
    end = 0
    found = 0
    while found < MAX_OCCURRENCES and (start := text.find(word, end)) >= 0:
        end = start + len(word)
        glued_before = start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’")
        if not glued_before and (text[end : end + 1].islower() if prefix else not text[end : end + 1].isalnum()):
            found += 1
            yield start, end


def is_heading(sentence: str) -> bool:
    """Tell a title-case heading ("An Ambitious, Divisive Legacy.") from a sentence.

    A heading capitalises every word but the little ones; a sentence full of names still has its verb and
    nouns in lower case ("Sarah Jenkins met the minister, Paul Grey, on Monday.").
    """
    if re.match(r"[^,]+, [a-z]", sentence):
        return False  # a name and the role after it: "Marcus Fell, director of the Patients First Alliance"
    words = [w for w in sentence.split() if len(w) > 2 and w.strip(",.;:").lower() not in FUNCTION_WORDS]
    return sum(w[0].isupper() for w in words) > 0.8 * len(words)
