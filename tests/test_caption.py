"""Scene captions: the Markdown a caption needs and TeX-spelled inline math, as rich text;
HTML typed into a caption is shown as text, never interpreted."""

from __future__ import annotations

from rnnviz.gui.caption import caption_html, math_html


def test_math_letters_italic_names_upright_and_scripts():
    html = math_html(r"c_t = f_t \odot c_{t-1} + \tanh(x^{2})")
    assert "<i>c</i><sub><i>t</i></sub>" in html
    assert "<sub><i>t</i>−1</sub>" in html  # a minus sign, not a hyphen
    assert "⊙" in html and "tanh(" in html and "<sup>2</sup>" in html
    assert math_html(r"\tilde{h}_t").startswith("<i>h\u0303</i>")
    assert math_html(r"W_{hh}^{\top}") == "<i>W</i><sub>hh</sub><sup>ᵀ</sup>"
    assert math_html(r"\mathrm{relu}(a)") == "relu(<i>a</i>)"


def test_markdown_blocks_and_inline_marks():
    html = caption_html("A **bold** and *italic* `weight_ih_l0`.\n\n- one\n- two\n  more\n"
                        "# Part", "Title")
    assert html.startswith("<h2>Title</h2><p>A <b>bold</b> and <i>italic</i> "
                           "<code>weight_ih_l0</code>.</p>")
    assert "<ul><li>one</li><li>two more</li></ul>" in html
    assert "<h3>Part</h3>" in html


def test_html_in_a_caption_is_text_and_stars_in_arithmetic_stay():
    html = caption_html("<b>x</b> & 2*3*4 = 24")
    assert "&lt;b&gt;x&lt;/b&gt; &amp; 2*3*4 = 24" in html
    assert "<b>" not in html


def test_a_formula_wraps_only_at_operators():
    html = caption_html(r"$n_t = W_{in} x_t + b$")
    assert "\u00a0=" in html and "= " in html  # no break before '=', one after
    assert "</sub>\u00a0<i>x</i>" in html  # 'W_in x_t' stays together
