"""A post body in the exact shape the rendering pipeline's contract promises.

The page checks (validator, axe, screenshots) style and test this HTML as well
as whatever today's pipeline emits, so the dialect's look is checked even
before a post with every construct exists in the demo.
"""

from blog.models import Post

CONTRACT_BODY_HTML = """\
<p>Here is yet another report, this one from yesterday’s <em>Wall Street Journal</em>\
<sup id="fnref-1"><a href="#fn-1" class="footnote-ref">1</a></sup>\
<span class="sidenote" role="note" aria-label="Note 1">\
<span class="sidenote-number" aria-hidden="true">1</span> \
Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” \
<i>The Wall Street Journal</i>, February 22, 2013.</span>, \
on how NATO’s failure to secure Moammar Gaddafi’s weapon stockpiles has led to war elsewhere in Africa:</p>
<figure class="excerpt">
<blockquote cite="https://www.wsj.com/articles/SB10001424127887323495104578314652516014544">
<p>Islamist fighters pounded the northern Malian city of Gao for six hours Thursday with machine guns and \
rocket-propelled grenades, a display of firepower that compounds worries that \
<span class="interpolation">[the militants]</span> have enough arms to mount an insurgency that could last \
years. <span class="omission" title="text omitted">…</span></p>
<p>When the North Atlantic Treaty Organization and United Nations helped Libyans overthrow Gadhafi, defense \
chiefs recognized the threat of proliferation to neighboring countries. <span class="aside">[<span \
class="aside-label">Comment:</span> I thought the stated purpose was to protect Libyan civilians.]</span> \
Washington spent millions of dollars on intelligence teams in Libya to track down surface-to-air missile \
systems they believed Gadhafi possessed.</p>
<p>A U.S. State Department spokesman said that it is now ‘actively supporting’ Libyan government efforts \
to secure all weapons stockpiles. <span class="aside">[<span class="aside-label">Comment:</span> \
A little late.]</span></p>
</blockquote>
<figcaption>Drew Hinshaw and Margaret Coker, <i>The Wall Street Journal</i>\
<sup id="fnref-1-2"><a href="#fn-1" class="footnote-ref">1</a></sup>\
<span class="sidenote" role="note" aria-label="Note 1">\
<span class="sidenote-number" aria-hidden="true">1</span> \
Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” \
<i>The Wall Street Journal</i>, February 22, 2013.</span></figcaption>
</figure>
<p>Not one of the finest moments of the Obama administration’s foreign policy.\
<sup id="fnref-2"><a href="#fn-2" class="footnote-ref">2</a></sup>\
<span class="sidenote" role="note" aria-label="Note 2">\
<span class="sidenote-number" aria-hidden="true">2</span> \
A plain note, numbered in the same sequence as the citations.</span></p>
<section class="footnotes sidenoted">
<ol>
<li id="fn-1" class="sidenoted" value="1"><p>Drew Hinshaw and Margaret Coker, \
“Defenders Outgunned By Islamists In Desert,” \
<i>The Wall Street Journal</i>, February 22, 2013. <a href="#fnref-1" class="footnote-backref" \
aria-label="Back to reference 1">↩</a> <a href="#fnref-1-2" class="footnote-backref" \
aria-label="Back to reference 1, second use">↩</a></p></li>
<li id="fn-2" class="sidenoted" value="2"><p>A plain note, numbered in the same sequence as the citations. \
<a href="#fnref-2" class="footnote-backref" aria-label="Back to reference 2">↩</a></p></li>
</ol>
</section>
"""


def make_contract_post(**fields):
    """A published post whose stored HTML is ``CONTRACT_BODY_HTML``."""
    from tests.factories import make_post

    post = make_post(**fields)
    Post.objects.filter(pk=post.pk).update(body_html=CONTRACT_BODY_HTML)
    post.body_html = CONTRACT_BODY_HTML
    return post
