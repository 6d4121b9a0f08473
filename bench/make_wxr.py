"""Write a large WordPress export to benchmark the importer.

``python bench/make_wxr.py OUT.xml [--posts N] [--comments M]``.

The default, 5,000 posts with 50,000 comments (threaded, in every status),
comes to about 50 MB: each post has paragraphs, a quotation with an aside and
an omission, a cited footnote (a few hundred distinct sources, so most are
matched rather than created), sometimes a shortcode or Gutenberg blocks.
"""

import argparse
import random
from xml.sax.saxutils import escape

WORDS = [
    "the", "militants", "arsenal", "weapons", "government", "report", "desert", "city", "officials", "said",
    "security", "analysts", "region", "forces", "border", "attack", "northern", "capital", "diplomats",
    "support", "effort", "depots", "libya", "mali",
]  # fmt: skip
STATUSES = ["1"] * 7 + ["0", "spam", "trash"]


def sentence(rng, length=12):
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=6):
    return " ".join(sentence(rng) for _ in range(sentences))


def content(rng, number):
    author = f"Writer{number % 300}"
    quote = "\n\n".join(paragraph(rng, 3) for _ in range(2))
    body = (
        f"{paragraph(rng)} From the <em>Daily Planet</em>*:\n"
        f"<blockquote>“{quote} … [Comment: {sentence(rng, 8)}] {sentence(rng)}”</blockquote>\n"
        + "\n\n".join(paragraph(rng) for _ in range(3))
    )
    if number % 7 == 0:
        image = '<img src="https://old.example/i.jpg" alt="x" />'
        body += f'\n\n[caption id="a" width="300"]{image} Caption[/caption]'
    if number % 5 == 0:
        body = f"<!-- wp:paragraph -->\n<p>{paragraph(rng)}</p>\n<!-- /wp:paragraph -->\n" + body
    note = f"* Jo {author}, “Report Number {number % 400},” The Daily Planet, March {1 + number % 28}, 2012."
    return f"{body}\n\n---------\n\n{note}"


def comment(rng, post_id, comment_id, parent):
    gmt = f"2012-04-{1 + comment_id % 28:02d} {comment_id % 24:02d}:{comment_id % 60:02d}:00"
    return f"""
		<wp:comment>
			<wp:comment_id>{comment_id}</wp:comment_id>
			<wp:comment_author><![CDATA[Reader {comment_id % 997}]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[r{comment_id % 997}@example.org]]></wp:comment_author_email>
			<wp:comment_author_url>https://reader{comment_id % 997}.example.org</wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[192.0.2.{comment_id % 250}]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[{gmt}]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[{gmt}]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[{paragraph(rng, 2)}]]></wp:comment_content>
			<wp:comment_approved><![CDATA[{rng.choice(STATUSES)}]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>{parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>"""


def write(out, posts: int, comments: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    out.write("""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench</title>
	<link>https://old.example</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_blog_url>https://old.example</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[bench]]></wp:author_login><wp:author_email><![CDATA[bench@example.com]]></wp:author_email></wp:author>
""")  # noqa: E501
    per_post, comment_id = comments // posts, 0
    for number in range(1, posts + 1):
        day = f"2012-{1 + number % 12:02d}-{1 + number % 28:02d} 10:00:00"
        thread, buffered = [], []
        for _ in range(per_post):
            comment_id += 1
            parent = rng.choice([0, 0, *thread[-3:]]) if thread else 0
            thread.append(comment_id)
            buffered.append(comment(rng, number, comment_id, parent))
        out.write(f"""
	<item>
		<title>{escape(sentence(rng, 6))}</title>
		<link>https://old.example/{day[:4]}/{day[5:7]}/{day[8:10]}/post-{number}/</link>
		<dc:creator><![CDATA[bench]]></dc:creator>
		<content:encoded><![CDATA[{content(rng, number)}]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>{number}</wp:post_id>
		<wp:post_date><![CDATA[{day}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[{day}]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[post-{number}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="topic-{number % 40}"><![CDATA[Topic {number % 40}]]></category>
		<category domain="post_tag" nicename="tag-{number % 200}"><![CDATA[Tag {number % 200}]]></category>{"".join(buffered)}
	</item>""")  # noqa: E501
    out.write("\n</channel>\n</rss>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--comments", type=int, default=50000)
    options = parser.parse_args()
    with open(options.out, "w", encoding="utf-8") as out:
        write(out, options.posts, options.comments)


if __name__ == "__main__":
    main()
