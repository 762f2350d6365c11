"""Words that steer a learner, in every language: a catalog whose two messages trade
places keeps every id, every placeholder and every length, so the catalog checks in
test_i18n.py all pass while the screen says "That's right." to a wrong pick or puts
"Next" on the button that goes back. These tests catch such swaps in any language.

- Back and Next: the setup hint tells the learner which button to press ("Press Next
  for the question"); on a drawn lesson screen, the button that hint names must be the
  one that goes on, in every language. The buttons' places (Back at the start side,
  Next at the end) must match what they do.
- The verdicts after a pick ("That's right." / "Not quite.") have no other message
  that names them, so their words are pinned per language in tests/steering_words.toml
  (compared with their English meaning when pinned); a catalog that changes (or swaps)
  them fails until the words are checked and that file updated in the same commit.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from test_app import tap_widget

from sim import i18n
from sim.lessons import LESSONS, Phase

PINNED = Path(__file__).with_name("steering_words.toml")
#: the messages pinned in PINNED for every language
PINNED_IDS = ("lessonview.right", "lessonview.not_quite", "lessonview.back",
              "lessonview.next")
LANGS = sorted(i18n.LANGUAGES)


def first_question(lesson_id: str) -> int:
    return next(n for n, beat in enumerate(LESSONS[lesson_id].beats, 1) if beat.question)


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_keeps_the_steering_words_apart(lang):
    cat = i18n.catalog(lang)
    verdicts = [cat[m] for m in ("lessonview.right", "lessonview.not_quite",
                                 "lessonview.no_pick")]
    buttons = [cat[m] for m in ("lessonview.back", "lessonview.next", "lessonview.replay")]
    assert len(set(verdicts)) == 3, verdicts
    assert len(set(buttons)) == 3, buttons


@pytest.mark.parametrize("lang", LANGS)
def test_the_setup_hint_names_the_button_that_goes_on(make_app, lang):
    """The hint under a question's set-up names one button by its label; pressing that
    button on the drawn screen brings the question (Back/Next swapped: it goes back)."""
    app = make_app(lang=lang)
    screen = app.stack.push("blockade")
    n = first_question("blockade")
    assert n > 1  # so going back is possible, and would be seen
    screen.controller.jump(n)
    app.render()
    assert screen.phase is Phase.SETUP
    hint = i18n._("lessonview.setup_hint")
    assert hint in screen.caption_text()
    named = [b for b in (screen.back, screen.replay, screen.next)
             if b.visible and b.text and b.text in hint]
    assert len(named) == 1, (hint, [b.text for b in named])
    tap_widget(app, named[0])
    assert (screen.controller.beat_number, screen.phase) == (n, Phase.ASK), (
        f"{lang}: the hint says to press {named[0].text!r}, which did not bring the question")


@pytest.mark.parametrize("lang", LANGS)
def test_back_and_next_are_where_they_lead(make_app, lang):
    """Back at the start side of the bar goes to the beat before; Next at the end side
    to the beat after (right to left: Back at the right)."""
    app = make_app(lang=lang)
    screen = app.stack.push("rescue", beat=3)
    app.render()
    back, nxt = screen.back, screen.next
    assert back.text == i18n._("lessonview.back") and nxt.text == i18n._("lessonview.next")
    if app.style.rtl:
        assert back.rect.left > nxt.rect.right
    else:
        assert back.rect.right < nxt.rect.left
    tap_widget(app, back)
    assert screen.controller.beat_number == 2
    screen.controller.show_end(3)
    app.render()
    tap_widget(app, nxt)
    assert screen.controller.beat_number == 4


def test_the_pinned_words_are_the_catalogs_words():
    """Every language's verdicts and Back/Next are the words pinned for it. A swap, or
    any change, fails here: have the new words checked, then update
    tests/steering_words.toml in the same commit."""
    pinned = tomllib.loads(PINNED.read_text(encoding="utf-8"))
    problems = []
    for lang in LANGS:
        cat = i18n.catalog(lang)
        words = pinned.get(lang)
        if words is None:
            shown = "\n".join(f'"{m}" = "{cat[m]}"' for m in PINNED_IDS)
            problems.append(f"[{lang}] is not pinned yet; once checked, add:\n{shown}")
            continue
        assert sorted(words) == sorted(PINNED_IDS), lang
        for msgid in PINNED_IDS:
            if cat[msgid] != words[msgid]:
                problems.append(f"{lang}: {msgid} is {cat[msgid]!r}, pinned {words[msgid]!r}")
    assert not problems, "\n".join(problems)
