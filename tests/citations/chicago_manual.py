"""The Manual's quick-guide records ("Notes and Bibliography: Sample Citations"), shared by the tests
of each edition (test_chicago_manual_17.py, test_chicago_manual_18.py).

Each is a CSL-JSON item as Zotero would hold it; where the Manual shortens a
title its own way ("Dystopia", "Yale Facts") the record carries that short
title, as Zotero's "Short Title" field does.
"""


def person(given, family):
    return {"given": given, "family": family}


def link(url):
    return f'<a href="{url}">{url}</a>'


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
