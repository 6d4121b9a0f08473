"""The Manual's quick-guide records ("Notes and Bibliography: Sample Citations"), shared by the tests
of each edition (test_chicago_manual_17.py, test_chicago_manual_18.py).

Each is a CSL-JSON item as Zotero would hold it; where the Manual shortens a
title its own way ("Dystopia", "Yale Facts") the record carries that short
title, as Zotero's "Short Title" field does.
"""

from tests.citations.records import link, person

SMITH = {
    "id": "smith",
    "type": "book",
    "title": "Swing Time",
    "author": [person("Zadie", "Smith")],
    "publisher": "Penguin Press",
    "publisher-place": "New York",
    "issued": {"date-parts": [[2016]]},
}
GRAZER = {
    "id": "grazer",
    "type": "book",
    "title": "A curious mind: the secret to a bigger life",  # sentence case, as Zotero often stores it
    "author": [person("Brian", "Grazer"), person("Charles", "Fishman")],
    "publisher": "Simon & Schuster",
    "publisher-place": "New York",
    "issued": {"date-parts": [[2015]]},
}
LATTIMORE = {
    "id": "lattimore",
    "type": "book",
    "title": "The Iliad of Homer",
    "title-short": "Iliad",
    "translator": [person("Richmond", "Lattimore")],
    "publisher": "University of Chicago Press",
    "publisher-place": "Chicago",
    "issued": {"date-parts": [[2011]]},
}
LAHIRI = {
    "id": "lahiri",
    "type": "book",
    "title": "In Other Words",
    "author": [person("Jhumpa", "Lahiri")],
    "translator": [person("Ann", "Goldstein")],
    "publisher": "Alfred A. Knopf",
    "publisher-place": "New York",
    "issued": {"date-parts": [[2016]]},
}
LACH = {
    "id": "lach",
    "type": "book",
    "title": "Asia in the making of Europe",
    "author": [person("Donald F.", "Lach")],
    "volume": "2",
    "volume-title": "A century of wonder",
    "part-number": "bk. 3",
    "part-title": "The scholarly disciplines",
    "publisher": "University of Chicago Press",
    "publisher-place": "Chicago",
    "issued": {"date-parts": [[1977]]},
}
THOREAU = {
    "id": "thoreau",
    "type": "chapter",
    "title": "Walking",
    "container-title": "The Making of the American Essay",
    "author": [person("Henry David", "Thoreau")],
    "editor": [person("John", "D’Agata")],
    "publisher": "Graywolf Press",
    "publisher-place": "Minneapolis",
    "page": "167-95",
    "issued": {"date-parts": [[2016]]},
}
SATTERFIELD = {
    "id": "satterfield",
    "type": "article-journal",
    "title": "Livy and the Pax Deum",
    "container-title": "Classical Philology",
    "author": [person("Susan", "Satterfield")],
    "volume": "111",
    "issue": "2",
    "page": "165-76",
    "issued": {"date-parts": [[2016, 4]]},
}
KENG = {
    "id": "keng",
    "type": "article-journal",
    "title": (
        "Expanding College Access in Taiwan, 1978–2014: Effects on Graduate Quality and Income Inequality"
    ),
    "title-short": "Expanding College Access",
    "container-title": "Journal of Human Capital",
    "author": [person("Shao-Hsun", "Keng"), person("Chun-Hung", "Lin"), person("Peter F.", "Orazem")],
    "volume": "11",
    "issue": "1",
    "page": "1-34",
    "issued": {"date-parts": [[2017]], "season": 1},
    "DOI": "10.1086/690235",
}
MEAD = {
    "id": "mead",
    "type": "article-magazine",
    "title": "The Prophet of Dystopia",
    "title-short": "Dystopia",
    "container-title": "New Yorker",
    "author": [person("Rebecca", "Mead")],
    "issued": {"date-parts": [[2017, 4, 17]]},
}
MANJOO = {
    "id": "manjoo",
    "type": "article-newspaper",
    "title": "Snap makes a bet on the cultural supremacy of the camera",
    "title-short": "Snap",
    "container-title": "New York Times",
    "author": [person("Farhad", "Manjoo")],
    "issued": {"date-parts": [[2017, 3, 8]]},
    "URL": "https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet.html",
}
KAKUTANI = {
    "id": "kakutani",
    "type": "review",
    "title": "Friendship Takes a Path That Diverges",
    "title-short": "Friendship",
    "container-title": "New York Times",
    "author": [person("Michiko", "Kakutani")],
    "reviewed-title": "Swing Time",
    "reviewed-author": [person("Zadie", "Smith")],
    "issued": {"date-parts": [[2016, 11, 7]]},
}
RUTZ = {
    "id": "rutz",
    "type": "thesis",
    "genre": "PhD diss.",
    "title": "King Lear and Its Folktale Analogues",
    "author": [person("Cynthia Lillian", "Rutz")],
    "publisher": "University of Chicago",
    "issued": {"date-parts": [[2013]]},
}
YALE = {
    "id": "yale",
    "type": "webpage",
    "title": "About Yale: Yale Facts",
    "title-short": "Yale Facts",
    "container-title": "Yale University",
    "accessed": {"date-parts": [[2017, 5, 1]]},
    "URL": "https://www.yale.edu/about-yale/yale-facts",
}
MONTY_PYTHON = {
    "id": "python",
    "type": "motion_picture",
    "title": "Monty Python and the Holy Grail",
    "director": [person("Terry", "Gilliam"), person("Terry", "Jones")],
    "original-date": {"date-parts": [[1975]]},
    "medium": "DVD",
    "publisher": "Columbia TriStar Home Entertainment",
    "publisher-place": "Culver City, CA",
    "issued": {"date-parts": [[2001]]},
}

# The remaining types. The Manual's records where it has them (the blog posts, Stamper's interview,
# O'Brien's post, the statutes, bill and hearing); the expected forms of the records of our own
# (a comment, a television episode, a podcast, a working paper) are derived from the sections'
# rules, as each example's label says.
#
# The blog posts are CMOS 17 14.208's, as quoted by Thompson Rivers University's guide, whose
# examples are drawn from the Manual (https://libguides.tru.ca/chicago/websites-blog), and for the
# 18th by the American University in Bulgaria's (https://aubg.libguides.com/c.php?g=668693&p=4747014).
# The guides print no URL; the records carry the posts' own.
LIBURD = {
    "id": "liburd",
    "type": "post-weblog",
    "title": "Haw-Haw and radio war: fake news in the 1940s",
    "container-title": "History Matters",
    "author": [person("Liam", "Liburd")],
    "issued": {"date-parts": [[2017, 2, 21]]},
    "URL": "http://www.historymatters.group.shef.ac.uk/haw-haw-radio-war-fake-news-1940s/",
}
JONES = {
    "id": "jones",
    "type": "post-weblog",
    "title": "Getting More Done with Emoji",
    "container-title": "ProfHacker",
    "publisher": "Chronicle of Higher Education",  # the publication the blog belongs to
    "author": [person("Jason B.", "Jones")],
    "issued": {"date-parts": [[2016, 11, 22]]},
    "URL": "https://www.chronicle.com/blogs/profhacker/getting-more-done-with-emoji/63012",
}
# A comment: the post, with the commenter as author and the post's author as container-author.
LIBURD_COMMENT = {
    **LIBURD,
    "id": "liburd-comment",
    "genre": "comment",
    "title-short": "Haw-Haw and Radio War",
    "author": [person("Kate", "Dossett")],
    "container-author": LIBURD["author"],
    "issued": {"date-parts": [[2017, 2, 23]]},
    "URL": LIBURD["URL"] + "#comment-12",
}
OBRIEN = {
    "id": "obrien",
    "type": "post",
    "title": "In honor of Earth Day, I’m recycling my tweets.",
    "title-short": "In honor of Earth Day",
    "container-title": "Twitter",
    "author": [person("Conan", "O’Brien")],
    "issued": {"date-parts": [[2015, 4, 22]]},
    "URL": "https://twitter.com/ConanOBrien/status/590940792967016448",
}
STAMPER = {
    "id": "stamper",
    "type": "interview",
    "title": "From 'F-bomb' to 'photobomb,' how the dictionary keeps up with English",
    "title-short": "From 'F-Bomb' to 'Photobomb'",
    "author": [person("Kory", "Stamper")],
    "interviewer": [person("Terry", "Gross")],
    "container-title": "Fresh Air",
    "publisher": "NPR",
    "medium": "audio",
    "dimensions": "35:25",
    "issued": {"date-parts": [[2017, 4, 19]]},
    "URL": "http://www.npr.org/2017/04/19/524618639/from-f-bomb-to-photobomb",
}
OZYMANDIAS = {
    "id": "ozymandias",
    "type": "broadcast",
    "title": "Ozymandias",
    "container-title": "Breaking Bad",
    "collection-number": "5",
    "number": "14",
    "director": [person("Rian", "Johnson")],
    "publisher": "AMC",
    "issued": {"date-parts": [[2013, 9, 15]]},
}
DUNCAN = {
    "id": "duncan",
    "type": "broadcast",
    "title": "The fall of Rome",
    "container-title": "The history of Rome",
    "author": [person("Mike", "Duncan")],
    "number": "12",
    "medium": "podcast, MP3 audio",
    "dimensions": "25:13",
    "issued": {"date-parts": [[2008, 3, 2]]},
    "URL": "https://example.org/history-of-rome/12",
}
GOLDIN = {
    "id": "goldin",
    "type": "report",
    "title": "A grand gender convergence: its last chapter",
    "author": [person("Claudia", "Goldin")],
    "collection-title": "NBER Working Paper",
    "number": "19670",
    "publisher": "National Bureau of Economic Research",
    "publisher-place": "Cambridge, MA",
    "issued": {"date-parts": [[2013]]},
}
HOMELAND_SECURITY = {
    "id": "homeland",
    "type": "legislation",
    "title": "Homeland Security Act of 2002",
    "number": "107-296",
    "container-title": "Stat.",
    "volume": "116",
    "page": "2135",
    "issued": {"date-parts": [[2002]]},
}
DECLARATORY_JUDGMENT = {
    "id": "declaratory",
    "type": "legislation",
    "title": "Declaratory Judgment Act",
    "container-title": "U.S.C.",
    "volume": "28",
    "section": "2201-2202",
    "issued": {"date-parts": [[1952]]},
}
NO_CHILD_LEFT_BEHIND = {
    "id": "nclb",
    "type": "bill",
    "title": "No Child Left Behind Act of 2001",
    "number": "H.R. 1",
    "chapter-number": "107th Cong.",
    "issued": {"date-parts": [[2001]]},
}
GREENSPAN_HEARING = {
    "id": "greenspan",
    "type": "hearing",
    "title": (
        "Federal Reserve's first monetary policy report for 2005: hearing before the Committee on "
        "Banking, Housing, and Urban Affairs"
    ),
    "title-short": "Federal Reserve's First Monetary Policy Report",
    "chapter-number": "109th Cong.",
    "issued": {"date-parts": [[2005]]},
}


def more_types(place, interview_short, before="before", podcast_first=False):
    """(label, item, locator, full note, locator, short note, entry) for the types above; ``place``
    is the 17th's "Cambridge, MA: " before a publisher, empty in the 18th (14.127–14.129);
    ``interview_short`` the short note of Stamper's interview, which the 18th changes; ``before``
    the preposition as a title prints it, "Before" in the 18th (prepositions of five letters or
    more capitalised, 18th 8.160); ``podcast_first`` whether a podcast's title and the episode's number
    come before the episode's title, as in the 18th (14.168, as CSL styles PR #7424 describes it)."""
    episode = "“The Fall of Rome,” <i>The History of Rome</i>, episode 12,"
    episode_entry = "“The Fall of Rome.” <i>The History of Rome</i>, episode 12."
    if podcast_first:
        episode = "<i>The History of Rome</i>, episode 12, “The Fall of Rome,”"
        episode_entry = "<i>The History of Rome</i>. Episode 12, “The Fall of Rome.”"
    return [
        (
            "14.208 blog post: the blog italic, “(blog)” after it, a period after that in the "
            "bibliography (the Manual's example)",
            LIBURD,
            "",
            "Liam Liburd, “Haw-Haw and Radio War: Fake News in the 1940s,” <i>History Matters</i> (blog), "
            f"February 21, 2017, {link(LIBURD['URL'])}.",
            "",
            "Liburd, “Haw-Haw and Radio War.”",
            "Liburd, Liam. “Haw-Haw and Radio War: Fake News in the 1940s.” <i>History Matters</i> (blog). "
            f"February 21, 2017. {link(LIBURD['URL'])}.",
        ),
        (
            "14.208 blog post in a larger publication, named after the blog (the Manual's example; "
            "the short note derived from 14.30)",
            JONES,
            "",
            "Jason B. Jones, “Getting More Done with Emoji,” <i>ProfHacker</i> (blog), <i>Chronicle of "
            f"Higher Education</i>, November 22, 2016, {link(JONES['URL'])}.",
            "",
            "Jones, “Getting More Done.”",
            "Jones, Jason B. “Getting More Done with Emoji.” <i>ProfHacker</i> (blog). <i>Chronicle of "
            f"Higher Education</i>, November 22, 2016. {link(JONES['URL'])}.",
        ),
        (
            "14.208 comment, cited in relation to the post: the commenter, the comment's date, "
            "“comment on” and the post (derived from the rule and the 18th's quick-guide example)",
            LIBURD_COMMENT,
            "",
            "Kate Dossett, February 23, 2017, comment on Liam Liburd, “Haw-Haw and Radio War: Fake News in "
            f"the 1940s,” <i>History Matters</i> (blog), {link(LIBURD_COMMENT['URL'])}.",
            "",
            "Kate Dossett, February 23, 2017, comment on Liburd, “Haw-Haw and Radio War.”",
            "Dossett, Kate. Comment on Liam Liburd, “Haw-Haw and Radio War: Fake News in the 1940s.” "
            f"<i>History Matters</i> (blog). February 23, 2017. {link(LIBURD_COMMENT['URL'])}.",
        ),
        (
            "14.209 social media post: its text as written, the network roman (the Manual's example "
            "without the handle and time, which CSL has no fields for)",
            OBRIEN,
            "",
            "Conan O’Brien, “In honor of Earth Day, I’m recycling my tweets,” Twitter, April 22, 2015, "
            f"{link(OBRIEN['URL'])}.",
            "",
            "O’Brien, “In honor of Earth Day.”",
            "O’Brien, Conan. “In honor of Earth Day, I’m recycling my tweets.” Twitter, April 22, 2015. "
            f"{link(OBRIEN['URL'])}.",
        ),
        (
            "14.214 interview: “interview by”, the program, the medium and running time (the 18th's short "
            "note derived from its quick guide's, “Buolamwini, interview.”)",
            STAMPER,
            "",
            "Kory Stamper, “From ‘F-Bomb’ to ‘Photobomb,’ How the Dictionary Keeps Up with English,” "
            "interview by Terry Gross, <i>Fresh Air</i>, NPR, April 19, 2017, audio, 35:25, "
            f"{link(STAMPER['URL'])}.",
            "",
            interview_short,
            "Stamper, Kory. “From ‘F-Bomb’ to ‘Photobomb,’ How the Dictionary Keeps Up with English.” "
            "Interview by Terry Gross. <i>Fresh Air</i>, NPR, April 19, 2017. Audio, 35:25. "
            f"{link(STAMPER['URL'])}.",
        ),
        (
            "14.265 (18th 14.165) television episode: the series italic, season and episode, the episode "
            "quoted, director, when it aired and on what network; listed under the director (derived: "
            "the pattern the 17th's university guides give and the 18th's Chicago CSL style follows)",
            OZYMANDIAS,
            "",
            "<i>Breaking Bad</i>, season 5, episode 14, “Ozymandias,” directed by Rian Johnson, aired "
            "September 15, 2013, on AMC.",
            "",
            "“Ozymandias.”",
            "Johnson, Rian, dir. <i>Breaking Bad</i>. Season 5, episode 14, “Ozymandias.” Aired "
            "September 15, 2013, on AMC.",
        ),
        (
            "14.267 podcast episode: the host, the episode quoted, the podcast italic, its number, date,"
            " medium and running time (derived from the rule)",
            DUNCAN,
            "",
            f"Mike Duncan, {episode} March 2, 2008, podcast, MP3 audio, 25:13, {link(DUNCAN['URL'])}.",
            "",
            "Duncan, “Fall of Rome.”",
            f"Duncan, Mike. {episode_entry} March 2, 2008. Podcast, MP3 audio, 25:13. {link(DUNCAN['URL'])}.",
        ),
        (
            "14.218 working paper: the series and number after the title (derived from the rule)",
            GOLDIN,
            "12",
            "Claudia Goldin, <i>A Grand Gender Convergence: Its Last Chapter</i>, NBER Working Paper 19670 "
            f"({place}National Bureau of Economic Research, 2013), 12.",
            "14",
            "Goldin, <i>Grand Gender Convergence</i>, 14.",
            "Goldin, Claudia. <i>A Grand Gender Convergence: Its Last Chapter</i>. NBER Working Paper 19670. "
            f"{place}National Bureau of Economic Research, 2013.",
        ),
        (
            "14.289 statute in the Statutes at Large: name roman, public law, volume, page, year",
            HOMELAND_SECURITY,
            "",
            "Homeland Security Act of 2002, Pub. L. No. 107-296, 116 Stat. 2135 (2002).",
            "",
            "Homeland Security Act.",
            "Homeland Security Act of 2002, Pub. L. No. 107-296, 116 Stat. 2135 (2002).",
        ),
        (
            "14.289 statute in the United States Code: title, code and sections",
            DECLARATORY_JUDGMENT,
            "",
            "Declaratory Judgment Act, 28 U.S.C. §§ 2201–2202 (1952).",
            "",
            "Declaratory Judgment Act.",
            "Declaratory Judgment Act, 28 U.S.C. §§ 2201–2202 (1952).",
        ),
        (
            "14.288 bill: name, number, Congress, year (short form derived from the rule)",
            NO_CHILD_LEFT_BEHIND,
            "",
            "No Child Left Behind Act of 2001, H.R. 1, 107th Cong. (2001).",
            "",
            "No Child Left Behind Act.",
            "No Child Left Behind Act of 2001, H.R. 1, 107th Cong. (2001).",
        ),
        (
            "14.293 hearing: title italic, Congress, the page cited, year (short form derived)",
            GREENSPAN_HEARING,
            "9",
            f"<i>Federal Reserve’s First Monetary Policy Report for 2005: Hearing {before} the Committee on "
            "Banking, Housing, and Urban Affairs</i>, 109th Cong. 9 (2005).",
            "9",
            "<i>Federal Reserve’s First Monetary Policy Report</i>, 9.",
            f"<i>Federal Reserve’s First Monetary Policy Report for 2005: Hearing {before} the Committee on "
            "Banking, Housing, and Urban Affairs</i>, 109th Cong. (2005).",
        ),
    ]


# The 18th edition's quick guide ("Notes and Bibliography: Sample Citations",
# https://www.chicagomanualofstyle.org/tools_citationguide/citation-guide-1.html), whose examples
# changed with the edition; its forms are quoted in test_chicago_manual_18.py.
YU = {
    "id": "yu",
    "type": "book",
    "title": "Interior Chinatown",
    "author": [person("Charles", "Yu")],
    "publisher": "Pantheon Books",
    "publisher-place": "New York",  # the 18th leaves it out
    "issued": {"date-parts": [[2020]]},
}
BINDER = {
    "id": "binder",
    "type": "book",
    "title": (
        "The channels of student activism: how the left and right are winning (and losing) in campus "
        "politics today"
    ),
    "author": [person("Amy J.", "Binder"), person("Jeffrey L.", "Kidder")],
    "publisher": "University of Chicago Press",
    "issued": {"date-parts": [[2022]]},
}
DOYLE = {
    "id": "doyle",
    "type": "chapter",
    "title": "The Queen Mary Psalter",
    "container-title": "The Book by Design: The Remarkable Story of the World’s Greatest Invention",
    "author": [person("Kathleen", "Doyle")],
    "editor": [person("P. J. M.", "Marks"), person("Stephen", "Parkin")],
    "publisher": "University of Chicago Press",
    "issued": {"date-parts": [[2023]]},
}
KURLAND = {
    "id": "kurland",
    "type": "book",
    "title": "The Founders’ Constitution",
    "editor": [person("Philip B.", "Kurland"), person("Ralph", "Lerner")],
    "publisher": "University of Chicago Press",
    "issued": {"date-parts": [[1987]]},
    "URL": "https://press-pubs.uchicago.edu/founders/",
}
ROY = {
    "id": "roy",
    "type": "book",
    "title": "The God of Small Things",
    "author": [person("Arundhati", "Roy")],
    "publisher": "Random House",
    "medium": "Kindle",
    "issued": {"date-parts": [[2008]]},
}
DITTMAR = {
    "id": "dittmar",
    "type": "article-journal",
    "title": "Temporal variation in selection influences microgeographic local adaptation",
    "container-title": "American Naturalist",
    "author": [person("Emily L.", "Dittmar"), person("Douglas W.", "Schemske")],
    "volume": "202",
    "issue": "4",
    "page": "471-485",
    "issued": {"date-parts": [[2023]]},
    "DOI": "10.1086/725865",
}
PEGORARO = {
    "id": "pegoraro",
    "type": "article-newspaper",
    "title": "Apple’s iPhone Is Sleek, Smart and Simple",
    "title-short": "Apple’s iPhone",
    "container-title": "Washington Post",
    "author": [person("Rob", "Pegoraro")],
    "issued": {"date-parts": [[2007, 7, 5]]},
    "archive": "LexisNexis Academic",  # the database consulted, in place of a URL
}
JACOBS = {
    "id": "jacobs",
    "type": "review",
    "title": "The Muchness of Madonna",
    "container-title": "New York Times",
    "author": [person("Alexandra", "Jacobs")],
    "reviewed-title": "Madonna: A Rebel Life",
    "reviewed-author": [person("Mary", "Gabriel")],
    "issued": {"date-parts": [[2023, 10, 8]]},
}
BUOLAMWINI = {
    "id": "buolamwini",
    "type": "interview",
    "title": "“If You Have a Face, You Have a Place in the Conversation About AI,” Expert Says",
    "author": [person("Joy", "Buolamwini")],
    "interviewer": [person("Tonya", "Mosley")],
    "container-title": "Fresh Air",
    "publisher": "NPR",
    "medium": "audio",
    "dimensions": "37:58",
    "issued": {"date-parts": [[2023, 11, 28]]},
    "URL": "https://www.npr.org/2023/11/28/1215529902/unmasking-ai-facial-recognition-technology-joy-buolamwini",
}
BLAJER_DE_LA_GARZA = {
    "id": "blajer",
    "type": "thesis",
    "genre": "PhD diss.",
    "title": "A House Is Not a Home: Citizenship and Belonging in Contemporary Democracies",
    "title-short": "House",
    "author": [person("Yuna", "Blajer de la Garza")],
    "publisher": "University of Chicago",
    "issued": {"date-parts": [[2019]]},
    "archive": "ProQuest",
    "archive_location": "13865986",
}
YALE_2022 = {**YALE, "id": "yale-2022", "accessed": {"date-parts": [[2022, 3, 8]]}}
SINGULAR_THEY = {
    "id": "singular-they",
    "type": "post",
    "title": "Is the world ready for singular they? We thought so back in 1993.",
    "title-short": "singular they",
    "container-title": "Facebook",
    "author": [{"literal": "Chicago Manual of Style"}],
    "issued": {"date-parts": [[2015, 4, 17]]},
    "URL": "https://www.facebook.com/ChicagoManual/posts/10152906193679151",
}
TRUTY = {
    **SINGULAR_THEY,
    "id": "truty",
    "genre": "comment",
    "author": [person("Michele", "Truty")],
    "container-author": SINGULAR_THEY["author"],
    # CSL's date parts hold no time of day; the raw form beside them does.
    "issued": {"date-parts": [[2015, 4, 17]], "raw": "2015-04-17T13:09"},
}

# More of the 18th's quick guide, as a public notes-and-bibliography generator's guide and tests
# (ResearchKit's) transcribe it, its strings marked "CMOS" reproducing the quick guide's.
BOREL = {
    "id": "borel",
    "type": "book",
    "title": "The Chicago Guide to Fact-Checking",
    "title-short": "Fact-Checking",
    "edition": "2",
    "author": [person("Brooke", "Borel")],
    "publisher": "University of Chicago Press",
    "issued": {"date-parts": [[2023]]},
    "archive": "EBSCOhost",  # the database the e-book was read in
}
KWON = {
    "id": "kwon",
    "type": "article-journal",
    "title": "Inclusion Work: Children of Immigrants Claiming Membership in Everyday Life",
    "title-short": "Inclusion Work",
    "container-title": "American Journal of Sociology",
    "author": [person("Hyeyoung", "Kwon")],
    "volume": "127",
    "issue": "6",
    "page": "1818-1859",
    "issued": {"date-parts": [[2022]]},
    "DOI": "10.1086/720277",
}
SNYDER = {
    "id": "snyder",
    "type": "article-journal",
    "title": "Extant Life Detection Using Label-Free Video Microscopy in Analog Aquatic Environments",
    "title-short": "Extant Life Detection",
    "container-title": "PLOS ONE",
    # Seven authors; the Manual names the first three, so the other four stand in here.
    "author": [
        person("Carl D.", "Snyder"),
        person("Manuel", "Bedrossian"),
        person("Casey", "Barr"),
        *(person(given, "Coauthor") for given in ("A.", "B.", "C.", "D.")),
    ],
    "volume": "20",
    "issue": "3",
    "number": "e0318239",  # the article's number, Zotero's "Article Number": the journal has no pages
    "issued": {"date-parts": [[2025]]},
    "DOI": "10.1371/journal.pone.0318239",
}
GOOGLE = {
    "id": "google",
    "type": "webpage",
    "title": "Privacy Policy",
    "container-title": "Privacy & Terms",
    "author": [{"literal": "Google"}],  # the organisation that owns the page
    "issued": {"date-parts": [[2023, 11, 15]]},  # the page's "effective" date
    "URL": "https://policies.google.com/privacy",
}

# 18th 14.112, AI-generated content, as the Manual's Q&A gives it and university guides quote the
# 18th (Western Technical College's, https://westerntc.libguides.com/ChicagoStyle/AI; the University
# of Notre Dame Australia's, "Citing AI-Generated Content [14.112]"): the tool stands in as author,
# its company as publisher, the date the text was generated; the prompt, if the text does not give it,
# as the title.
CHATGPT = {
    "id": "chatgpt",
    "type": "software",
    "genre": "AI-generated text",
    "author": [{"literal": "ChatGPT"}],
    "publisher": "OpenAI",
    "issued": {"date-parts": [[2023, 3, 7]]},
    "URL": "https://chat.openai.com/chat",
}
CHATGPT_PIZZA = {
    "id": "chatgpt-pizza",
    "type": "software",
    "genre": "AI-generated text",
    "title": "Explain how to make pizza dough from common household ingredients",
    "title-short": "pizza dough",
    "author": [{"literal": "ChatGPT"}],
    "publisher": "OpenAI",
    "issued": {"date-parts": [[2023, 3, 7]]},
}

# The 17th's quick guide's Google page (14.206), as two public transcriptions give it
# (https://github.com/atet/cite's README, and another project's list of the quick guide's examples).
GOOGLE_2017 = {
    **GOOGLE,
    "id": "google-2017",
    "issued": {"date-parts": [[2017, 4, 17]]},  # the page's "last modified" date
    "URL": "https://www.google.com/policies/privacy/",
}
