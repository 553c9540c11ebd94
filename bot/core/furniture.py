"""Judge one line of a pasted page on its own: menus, banners, share bars, adverts, job listings, captions and
calls to action are furniture, whatever the page around them."""

from __future__ import annotations

import re

from bot.core.normalise import line_key
from bot.core.quotes.lexicon import is_given_name, wordset

CLOSERS = "\"'”’»)]*"
SHORT = 15  # words: furniture phrases only count on lines at most this long


def pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.I)


def starts_with(alternatives: str) -> re.Pattern[str]:
    """Match a line opening with a label, past a bullet or arrow ("» Read more"), but not past a quotation mark:
    "'Like trying to get Glastonbury tickets': …" is something said."""
    return re.compile(rf"^[^\w'‘’\"“”]{{0,3}}(?:{alternatives})", re.I)


def _padded(*groups: str) -> tuple[str, ...]:
    return tuple(f" {phrase} " for group in groups for phrase in group.split("|"))


# Furniture whatever the line's length: news prose never says these.
_ALWAYS = pattern(
    r"\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b",
    r"\bcookie (?:policy|settings|preferences|notice)|\baccept (?:all )?cookies\b|\buse of cookies\b",
    r"\bmanage (?:cookies|preferences|consent)\b|\byou(?:'|’)ve consented\b|\byour sign-?up\b",
    r"\bsubscribe (?:to|and) (?:continue|read|keep|unlock)|\bto continue reading\b|\balready a subscriber\b",
    r"\bsubscribers? only\b|\b(?:get|enjoy) (?:unlimited\b|(?:full|unrestricted) access\b)",
    r"\bunlimited access (?:to (?:all|our)|from)",
    r"\bwould you like to (?:become an?|write for|contribute to)\b",
    r"\b\d+ free articles?\b|\bfree articles? (?:left|remaining|this month|per month)\b",
    r"\byou(?:'|’)?(?:ve| have) (?:read|reached) (?:your|\d+|the (?:maximum|limit))|\bstart your free trial",
    r"\bbecome a subscriber\b|\bsign (?:up|me up) (?:to|for) (?:our|the latest|updates)|\bsubscribe to our\b",
    r"\b(?:delivered|straight|direct|sent) (?:to|into) your inbox\b|\benter your e-?mail\b|\bby signing up\b",
    r"\bfollow (?:us|[\w&' ]{1,30}) on (?:facebook|twitter|x|instagram|linkedin|tiktok|youtube|bluesky)\b",
    r"\bclick (?:here|the link|below)\b|\btap here\b|\ball rights reserved\b|\bregistered in england\b",
    r"\bavailable to (?:our )?subscribers (?:here|below|only)\b",  # "The full dataset is available to subscribers here"
    r"\bregistered office\b|\bcompany (?:no\b\.?:? ?\d+|number|registration)\b|\btrading name of\b",  # not "no longer"
    r"\bis (?:the|a|an) (?:[\w'’-]+ ){0,3}?(?:publication|magazine|newspaper|news ?site|website) "
    r"(?:for|of|covering|serving|dedicated)\b",
    r"\b(?:enable|allow|consent to (?:the |our )?use(?: of)?) cookies\b|\bcookies (?:are )?disabled\b",
    r"\bsuch as cookies\b|\bwe and our (?:\d+ )?(?:partners|vendors)\b|\bcookie identifiers\b",
    # the wording of the industry's standard consent notice, in no news story
    r"\b(?:store|read) and(?:/or)? (?:access|read) information on (?:a|your) device\b",
    r"\bpersonali[sz]ed (?:ads|advertising) and content\b|\bad and content measurement\b",
    r"\byour browser (?:is (?:no longer|not) supported|is out of date|appears to have)\b",
    r"\b(?:upgrade|update) (?:to a newer version|your browser)\b",
    r"\b(?:trouble|problems?) (?:viewing|reading|seeing) this (?:e-?mail|newsletter|message)\b",  # a mailing's header
    r"\bview (?:it|this(?: e-?mail| newsletter)?|online) in (?:your|a|the) (?:web )?browser\b",
    # a newsletter's footer
    r"\byou(?:'|’)?(?:re| are) receiving this (?:e-?mail|newsletter|bulletin|message|because)\b",
    # the outlet speaking to its reader: a paywall's thanks, a plea for money, a call for tips, a show's credits
    r"\bthank you for supporting (?:[\w-]+ ){0,3}journalism\b|\bsubscribe for free to receive new posts\b",
    r"\bbecome a (?:member|supporter) (?:from|for|today)\b|\bfunded by (?:its|our) readers\b|\breader-funded\b",
    r"\b(?:join|sign up (?:to|for)) (?:the |our )?[\w'’ ]{0,40}\bnewsletter\b",
    r"\bspecial offers,? promotions and adverts\b",
    r"\bwhen you subscribe we will use the information you provide\b",  # a sign-up box's small print
    r"\byou(?:'|’)?re reading (?:one of )?our (?:premium|subscriber)",
    r"\bif you value (?:[\w-]+ ){0,4}(?:journalism|news)\b|\bplease chip in\b|\bwe have a (?:small )?favou?r to ask\b",
    r"\bfind this (?:story|article) in (?:your|my) bookmarks\b",  # a bookmark button's message
    r"\b(?:got|have) a (?:story|news tip|tip)\b[^.?]{0,80}\?\s*(?:e-?mail|contact|call|message|get in touch)\b",
    r"\bis presented by [^.]{1,60} and produced by\b",
    r"\b(?:using|on|in) the (?:audio |video )?player (?:above|below)\b|\bwherever you get your podcasts\b",
    r"\b(?:enter|book|register|buy|shop|donate|nominate|vote) (?:now|today)[.!]?$",  # a promo's call, ending its line
    r"\bregister\b[^.]{0,30}\bunlimited access\b|\bmade possible by (?:our )?(?:members|readers|supporters)\b",
    # a widget's error, the comments' rules, the standard credit of a local democracy reporter's copy
    r"\bsomething went wrong,? please try again\b|\bcomments? that (?:break|breach) (?:our|the|these) rules\b",
    r"\bthe local democracy reporting service (?:is|covers)\b",
    r"\b(?:produced|written) by the local democracy reporting service\b",
)
# Furniture whatever the line's length when a line opens with these: pointing the reader to help (another's: a
# charity's "If you are a carer and need support, our helpline …" is its own news), closing the comments or labelling
# the piece
_ALWAYS_OPENING = starts_with(
    r"if you(?:'ve|’ve| have) been affected by|if you(?:'re|’re| are) affected by|if you or someone you know\b"
    r"|if you are [^.]{1,60}\bneed support\b(?![^.]*\bour\b)"
    r"|comments are (?:open|closed|switched off|turned off|disabled)\b|competing interests\s*:"
    r"|provenance and peer review\s*:|thank(?:s| you) for (?:subscribing|signing up)\b"  # a journal's, a sign-up's
    r"|(?:this|a version of this) (?:article|story|piece) (?:first |originally )?appeared (?:in|on)\b"  # in print
    r"|(?:like|enjoyed) this (?:story|article)\?|share or comment on\b"  # a prompt over the share buttons
    r"|we want (?:our|the) comments\b|(?:community|commenting|house) (?:guidelines|rules)\b"  # a comments policy
    r"|for the price of a (?:cup of )?coffee\b"  # a supporters' appeal
    r"|(?:the )?views expressed (?:in this|here|are)\b"  # a blog's disclaimer
    r"|cpd\s*:|reflect on (?:this|the) article\b"  # a journal's learning prompt under the article
    r"|(?:content|trigger) (?:note|warning)\s*:|darllen mwy\b|privacy notice\s*:"  # a sign-up box's small print
    r"|(?:read (?:more|next|also)|also read|see also|related(?: story| article)?)\s*:"  # a teaser, however long
    r"|this (?:article|story|piece) is (?:more than|over) \w+ (?:days?|weeks?|months?|years?) old\b"  # its age
    r"|continue reading\W*$|this (?:article|story|content) is (?:only )?(?:for|available to|exclusive to) "  # a
    r"[^.]{0,40}\bsubscribers\b"  # paywall's button and message
    r"|[¹²³⁴⁵⁶⁷⁸⁹]\s"  # a footnote under the article: "¹ The review team examined …"
    r"|interactive (?:map|chart|graphic|table|timeline|tool)\s*:"  # an embedded widget's caption and the reader's
    r"|(?:click|tap|hover)(?: on| over)? (?:a|an|the|each|any) [^.]{1,40} to (?:see|view|show|find)\b"  # part in it
)
# Every _ALWAYS phrase contains one of these; checking them first spares most lines the big regex.
_ALWAYS_HINTS = (
    "cookie", "consent", "sign-up", "sign up", "sign me up", "signing up", "subscri", "continue reading",
    "information on", "personalised", "personalized", "content measurement",
    "free article", "free trial", "unlimited", "full access", "unrestricted access", "would you like",
    "you have", "you've", "you’ve", "become a", "newsletter",
    "inbox", "enter your", "facebook", "twitter", "instagram", "linkedin", "tiktok", "youtube", "bluesky",
    " on x", "click", "tap here", "reserved", "registered", "company", "trading name", "publication",
    "magazine", "newspaper", "news site", "newssite", "website", "browser", "newer version", "receiving this",
    "viewing this", "reading this", "seeing this",
    "journalism", "you value", "funded by", "reader-funded", "promotions", "you're reading", "you’re reading",
    "chip in", "favour to ask", "favor to ask", "bookmarks", "got a", "a story",
    "presented by",
    "made possible", "went wrong", "rules", "local democracy", "player", "podcasts",
    "enter now", "book now", "register now", "buy now", "shop now", "donate now", "donate today", "nominate now",
    "vote now", "enter today", "book today", "register today",
)  # fmt: skip
_URL_HINTS = ("http", "www.", "@")
# A button's word opening a line of a few words ("Register now", "Report this comment", "Search jobs"); a longer line
# opening so is a headline ("Register grows again but more nurses leave …", "Report finds …", "Search for …")
_BUTTON_START = starts_with(r"register\b|report\b|like\b|search\b|reply\b|menu\b")
_BUTTON_WORDS = 4
# Furniture when a short line starts with it: labels, calls to action, widgets.
_SHORT_START = starts_with(
    r"skip to|share (?:this|on|via|the|:)|support (?:us|our)\b|follow us|read (?:more|next|the full)|related\b"
    r"|sponsored by"
    r"|more (?:from|on|stories|news|articles)\b|you (?:may|might) (?:also )?like|recommended\b|top stories"
    r"|most (?:read|popular|viewed|shared)|trending\b|latest (?:news|stories|articles|jobs)\b|filed under"
    r"|tags?\s*:|topics?\s*:|categories\s*:|posted in\b|in (?:partnership|association) with|listen to this|print this"
    r"|save (?:this|article)|(?:story|article) saved\b|bookmark\b|sort by|load more|leave a (?:comment|reply)"
    r"|post a comment|add a comment"
    r"|join the (?:conversation|discussion)|have your say(?! on | about )|show (?:more|comments)|view (?:all|more)"
    r"|see (?:all|more)|back to\b|(?:previous|next) (?:article|post|story)|download (?:the|our)|watch\s*:"
    r"|listen\s*:|media (?:contact|enquiries)|press (?:contact|office|enquiries)|for (?:media|press) enq"
    r"|notes? (?:to|for) editors|for immediate|press release\b|embargoed|about us\b|contact us\b|privacy\b"
    r"|terms (?:and|&) conditions|terms of use|cookies?\b|accessibility\b|log ?in\b|sign (?:in|up)\b"
    r"|subscribe\b|already a\b|newsletter|image\s*:|images? (?:by|courtesy)|credit\s*:"
    r"|photo(?:graph)?s?\s*(?:by|:)|pictures?\s*(?:by|:)|pictured\s*:|illustration\s*:|source\s*:|via\s*:"
    r"|(?:image|photo|picture|main image|top image|header image) credit|advert|sponsored|promoted"
    r"|partner content|paid (?:content|post)|you are here|breadcrumb"
    r"|apply (?:now|by|today)|closing date|all jobs|jobs? (?:of the week|board)|featured jobs?"
    r"|find (?:a|more) jobs?|more information|further information|find out more|learn more|book a demo"
    r"|request a demo|free trial|get in touch|invalid e-?mail"
)
# Furniture anywhere in a short unpunctuated line (matched as whole words, punctuation ignored).
_SHORT_PHRASES = _padded(
    "newsletter|newsletters|subscribe|subscription|subscriber|subscribers|sign up|signup|signing up|min read",
    "mins read|minute read|minutes read|reading time|click|cookie|cookies|privacy policy|privacy notice|your privacy",
    "advert|adverts|advertisement|advertising|sponsored|your email|your e mail|email address|e mail address",
    "emails free|log in|logged in|login|follow us|share this|unsubscribe|book a demo|free trial|copyright",
    "shutterstock|getty images|alamy|istock|pa wire|pa images|pa media",
)
# On a short line that reads as a sentence only these count: ordinary sentences never say them.
_SENTENCE_PHRASES = _padded(
    "newsletter|subscribe|click|cookies|min read|your email|your e mail|email address|follow us|unsubscribe",
    "book a demo|free trial|sign up now|sign up today|sign up here|shutterstock|getty images",
)
_CREDIT_MARKS = ("©", "(photo:", "(image:", "(picture:", "(pictures:")
# A caption that ends with its credit: "… at the hospital. Photograph: Jane Doe/Alamy", "… in 2023. Photo courtesy
# of the Ellwood family."
# "… Photograph: Ann Lee/PA", a picture agency's credit in brackets: "… on Wednesday (Parliament TV)", a wire's
# "… on Tuesday. (AP Photo/Evan Vucci)"
CAPTION = re.compile(
    r"\b(?:photograph|photo|picture|image|illustration|credit)s?\s*(?::|\bby\b|\bcourtesy of\b)\s*[^.!?:]{1,60}\.?$"
    r"|\((?:[^()]{0,25}\b)?(?:PA|Getty|Alamy|Shutterstock|Reuters|AFP|AP|[Hh]andout|Google|Parliament ?TV|iStock)"
    r"\b[^()]{0,25}\)$|\([^()]{0,25}\bPhoto/[^()]{1,40}\)$"
    # a credit in capitals after the caption's sentence: "… on Thursday. PARLIAMENTARY RECORDING UNIT/PA"
    r"|(?-i:[.!?]\s+(?:[A-Z][A-Z'’.&-]* ){0,5}[A-Z][A-Z'’.&-]*/[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}$)",
    re.I,
)
# A picture's credit on a line of its own, set in capitals as some papers set it: "CHRIS ALLARD FOR THE NATIONAL
# LEDGER", "JACOB KING/PA" (a photographer's given name first, not a headline's "NIGHT NURSING FOR DYING PATIENTS")
_PICTURE_CREDIT = re.compile(
    r"(?P<given>[A-Z][A-Z'’-]+)(?: [A-Z][A-Z'’-]+){1,2}(?: FOR THE [A-Z][A-Z ]+|/[A-Z][A-Z ]*)"
)


def picture_credit(text: str) -> bool:
    """Say whether a line is a picture's credit alone: the line above it is the picture's caption."""
    credit = _PICTURE_CREDIT.fullmatch(text)
    return credit is not None and is_given_name(credit["given"].title())


# "Image caption, …", and a chart's own label: "Chart: standard hourly rates paid by 48 councils …"
_CAPTION_LABEL = re.compile(
    r"(?:image|media|video|picture) (?:caption|source|credit)\b|(?:chart|graphic)\s*\d*\s*:", re.I
)
# A picture's label on a caption's few words: "Photo: Castle Street surgery, one of the two that will merge",
# "Pictured: the team on opening day" (a gallery's long labelled paragraphs are its story)
_PICTURE_LABEL = re.compile(r"(?:main |top )?(?:photo|photograph|picture|pictured|image)s?\s*:", re.I)
# Who stands where in a photograph: "Home manager Lorraine Batty (centre) celebrates with residents"
_PLACED_IN_PICTURE = re.compile(
    r"\((?:(?:far|second|second from|back|front) )?(?:left|right|centre|center)(?: row)?\)", re.I
)
_PICTURE_WORDS = 30  # a caption's length at most
# A site's tagline under its name: "The magazine for social care leaders", "The independent voice of local
# government", "For GPs, practice managers and primary care teams", "Serving Ardvannoch and the Isles since 1889"
# "The intelligence source for NHS leaders", "Independent research and analysis on health and care", "Supporting
# unpaid carers since 1994", "Caring for people in Kettlewood, Saltmere and the Moors since 1987"
_TAGLINE = re.compile(
    r"(?:the\s+(?:[\w'’-]+\s+){0,3}(?:news|weekly|daily|magazine|journal|paper|newspaper|voice|title|website|site"
    r"|bulletin|newsletter|digest|station|programme|podcast)\s+(?:for|of|from|about|covering)\b"
    r"|the\s+(?:[\w'’-]+\s+){0,3}(?:source|resource)\s+for\b"
    r"|for\s+(?:[\w'’,-]+\s+){0,6}(?:professionals?|commissioners|managers|nurses|leaders|providers|staff|people"
    r"|residents|readers|everyone)\b|serving\s"
    r"|(?:independent|impartial|trusted)\s+(?:research|analysis|news|journalism|reporting|insight)(?:\s+and\s+\w+)?"
    r"\s+(?:on|for|about|from)\b"
    r"|(?:supporting|championing|helping|campaigning for|working for|standing up for|caring for)\s+"
    r"(?:[\w'’,-]+\s+){1,8}since"
    r"\s+\d{4}$)",
    re.I,
)
# An emergency services banner, telling the reader what to do: "In a life-threatening emergency always call 999",
# "If you need urgent help, call NHS 111 and choose option 2" (not a headline about someone who called 999)
_CALL_999 = re.compile(
    r"(?:in an? (?:[\w-]+ )?emergency,? |if [^,.]{3,60}, )?(?:always |please )?(?:call|dial|ring) (?:nhs )?"
    r"(?:999|111)\b",
    re.I,
)
LIST_MARKS = "•·*▪►‣◦"  # bullets proper, not the dashes that also frame "- ENDS -"
_COMMENT_COUNT = re.compile(r" \d+ comments? | comments? \d+ ")
TOKEN = re.compile(r"[^\W_]+")  # a word or number, for counting and comparing words
_URL = pattern(r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|@\w{3,}")
_JOB_WORD = pattern(
    r"\b(?:director|manager|officer|worker|head of|lead|leader|co-?ordinator|assistant|nurse|practitioner)\b",
    r"\b(?:therapist|advis[eo]r|consultant|executive|administrator|analyst|commissioner|supervisor|carer)\b",
    r"\b(?:salary|per annum|pro rata|negotiable|competitive|full[- ]time|part[- ]time|permanent)\b",
    r"\b(?:fixed[- ]term|locum|interim)\b",
)
_JOB_AD_HINTS = ("per annum", "pro rata", "apply ")
_JOB_AD_PHRASE = pattern(r"\bper annum\b|\bpro rata\b|£\s?\d[\d,.]*k?\s?[-–]\s?£|\bapply (?:now|by|today)\b")
# A salary standing as its own field of a listing: "Head of Service, £68,500 per annum, Anytown Council".
_SALARY_FIELD = pattern(
    r"(?:^|[,|:–—]\s*|\s-\s*)£\s?\d[\d,.]*k?(?:\s*(?:[-–]|to)\s*£?\s?\d[\d,.]*k?)?"
    r"(?:\s*(?:per annum|pa|p\.a\.|pro rata|a year|per year|plus benefits|\+\s*\w+))?\s*(?:,(?!\d)|[|–—]|\s-\s|$)"
)  # a comma inside the figure is no field's end: "£250,000 grant scheme …" is a headline
_SEPARATED = re.compile(r"\s*(?:\||·|•|»|›|>|/|\t|\s{2,})\s*")
# Words of menus, breadcrumbs and share bars. Not publisher._MENU_WORDS: that one judges a site-name line and holds
# section names ("health", "care") that are prose here; sharing one list changes which lines are cut.
_NAV_WORDS = wordset(
    "home news jobs job events about contact login log in sign register subscribe search menu opinion "
    "features analysis podcasts podcast video videos awards magazine newsletters newsletter advertise "
    "advertising careers sections topics blog blogs webinars resources shop account skip content main "
    "navigation back top press releases membership members publications media centre us our work sport "
    "sports business comment comments reply report like share tweet facebook twitter x linkedin email "
    "e-mail whatsapp print copy link pinterest reddit instagram youtube bluesky threads tiktok on this "
    "article story page via follow privacy terms cookies accessibility sitemap policy conditions and "
    "settings accept reject manage preferences more all view load next previous close open newest oldest"
)


def ends_sentence(text: str) -> bool:
    tail = text.rstrip(CLOSERS + " ")
    return bool(tail) and tail[-1] in ".!?…:;"


# ‘I’m his respite,’ … or 'She said it so plainly,' he said: not an apostrophe
_SINGLE_QUOTED = re.compile(r"(?:^|\s)['‘].*?[,.?!]['’](?:\s|$)")


def has_quote(text: str) -> bool:
    """Tell a line that holds a quotation, in double marks or in single curly ones."""
    return any(c in text for c in '"“”') or _SINGLE_QUOTED.search(text) is not None


def _is_navigation(text: str, words: list[str]) -> bool:
    """Spot menus, breadcrumbs and share bars: separated short items, or nothing but menu words."""
    if len(words) > 20 or ends_sentence(text):
        return False
    if _menu_row(text):
        return True
    lowered = [w for w in (w.strip(":,.()|·•").lower() for w in words) if w]
    if not lowered:
        return False
    navish = sum(1 for w in lowered if w in _NAV_WORDS)
    return navish == len(lowered) or (len(lowered) >= 3 and navish / len(lowered) >= 0.6)


def _menu_row(text: str, separators: re.Pattern[str] = _SEPARATED) -> bool:
    """Three or more short items between separators, however many: "Home | This month | Church news | …"."""
    parts = [p for p in separators.split(text) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


# Items of a row laid out with runs of spaces or tabs, not the double space a typist leaves after a full stop
_SPACED = re.compile(r"(?<![.!?:;,])(?: {2,}|\t)\s*")


def spaced_rows(raw: str) -> frozenset[str]:
    """Return the keys of the lines a page lays out as a row of three or more short items with runs of spaces or
    tabs ("Parliament  Policy  NHS  Social care  Briefings"): menus, whose spacing normalising the text loses."""
    return frozenset(line_key(line) for line in raw.splitlines() if _menu_row(line.strip(), _SPACED))


def _is_job_advert(text: str, lowered: str, words: int, sentence: bool) -> bool:
    """Spot a job listing: a salary standing as its own field, or advert wording beside a job title."""
    if "£" not in text:
        return False
    if (not sentence or words <= SHORT) and _SALARY_FIELD.search(text):
        return True
    advert = text.count("£") > 1 or any(map(lowered.__contains__, _JOB_AD_HINTS))
    return advert and bool(_JOB_AD_PHRASE.search(text) and _JOB_WORD.search(text))


def _spoken(text: str, at: int) -> bool:
    """Whether a place in a line is inside a quotation: a speaker may ask people to "sign up to our pledge", and
    that is the article's news, not the page's sign-up box."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def is_furniture(text: str, repeated: frozenset[str], by_words: bool = True) -> bool:
    """Judge one line on its own: does it read like page furniture rather than article text?

    With by_words=False, furniture words alone ("newsletter", "advertising", "cookie") do not decide.
    """
    words = text.split()
    n = len(words)
    if not TOKEN.search(text):
        return True
    if repeated and line_key(text) in repeated:
        return True
    lowered = text.lower()
    hinted = any(map(lowered.__contains__, _ALWAYS_HINTS))
    if (hinted and any(not _spoken(text, m.start()) for m in _ALWAYS.finditer(text))) or _ALWAYS_OPENING.match(text):
        return True
    if n <= 60 and (CAPTION.search(text) or _CAPTION_LABEL.match(text)):
        return True
    if n <= _PICTURE_WORDS and (
        _PLACED_IN_PICTURE.search(text) or _PICTURE_LABEL.match(text) or picture_credit(text)
    ):
        return True
    sentence = ends_sentence(text)
    if _is_job_advert(text, lowered, n, sentence):
        return True
    if n <= 12 and any(map(lowered.__contains__, _URL_HINTS)) and _URL.search(text):
        return True
    if n > SHORT:
        return not sentence and _menu_row(text)
    if (not sentence and _TAGLINE.match(text)) or _CALL_999.match(text):
        return True
    if (_SHORT_START.match(text) and (not sentence or n <= 3)) or (_BUTTON_START.match(text) and n <= _BUTTON_WORDS):
        return True
    if any(map(lowered.__contains__, _CREDIT_MARKS)):
        return True
    plain = f" {' '.join(TOKEN.findall(lowered))} "
    if by_words and any(map(plain.__contains__, _SENTENCE_PHRASES if sentence else _SHORT_PHRASES)):
        return True
    return (not sentence and _COMMENT_COUNT.search(plain) is not None) or _is_navigation(text, words)
