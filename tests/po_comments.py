"""Write a '#.' translator comment above every entry of the five catalogs:
``python tests/po_comments.py`` from the repository root.

The English comment is made from a table of key families (where the message shows and
how long it may be, measured at 800x600, normal text size) and the files that use it
(tests/message_use.py); every other catalog gets the same comment lines. Existing '#.'
lines are replaced (their meaning is folded into the table); other lines are untouched.
A new message needs a row in RULES (the first matching pattern wins); sizes were measured
at 800x600 with normal text (button widths and the caption box, about 8.7 pixels a
character at the body size). Needs the package importable (PYTHONPATH=.).
"""
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from message_use import uses  # noqa: E402
from test_i18n import entries  # noqa: E402

CAPTION = ("lesson caption under the picture (sim/view/screens/lesson/caption.py); wraps "
           "at about 85 characters a line at 800x600 and pages after 4 lines (More): keep "
           "it near the English length")
NOTE = ("presenter note (notes window sim/view/screens/notes.py, presenter script "
        "sim/app/presenter_script.py); wraps; keep it near the English length")
BUTTON = "one line"

RULES: list[tuple[str, str]] = [
    (r"^dialog\.close$", "Label of the button that closes a card or dialog "
     "(sim/view/widgets/dialog.py); button label, at most ~12 characters at 800x600"),
    (r"^app\.title$", "the program's name on home and in the window title: keep \"Blockade\""),
    (r"^app\.subtitle$", "home screen subtitle under the title; wraps, at most 2 lines of "
     "~80 characters at 800x600"),
    (r"^common\.disclaimer$", "not-medical-advice line on home, the attract loop and "
     "handouts; wraps, at most 2 lines of ~80 characters at 800x600"),
    (r"^common\.(home|about|preferences)$", "button in the top bar of Explore and lessons "
     "(and home); button label, at most ~16 characters at 800x600"),
    (r"^common\.(quit|keys)$", "button at the bottom of home; button label, at most ~10 "
     "characters at 800x600"),
    (r"^language\.button$", "button at the bottom of home that opens the language picker; "
     "at most ~10 characters at 800x600"),
    (r"^language\.title$", "title of the language picker dialog; at most ~30 characters"),
    (r"^language\.draft$", "a language's name in the picker when its catalog awaits "
     "review; {name} is the language's own name; at most ~30 characters"),
    (r"^prefs\.title$", "title of the Preferences dialog; at most ~30 characters"),
    (r"^prefs\.hint$", "hint under the Preferences title; wraps, at most 2 lines of ~50 "
     "characters at 800x600"),
    (r"^prefs\.(language|colours|text_size|motion_speech)$", "section heading in the Preferences "
     "dialog; at most ~25 characters"),
    (r"^prefs\.text_size\.(falls_back|lessons_smaller)$", "note under the text sizes in "
     "the Preferences dialog, shown only with the double size chosen; one sentence, wraps, "
     "at most 2 lines of ~50 characters at 800x600"),
    (r"^translate\.", "on the translator's review page (blockade translate-sheet, an HTML "
     "page read in a browser); wraps freely: keep it near the English length"),
    (r"^prefs\.(profile|text_size)\.", "choice button in the Preferences dialog, three to "
     "a row; at most ~14 characters at 800x600"),
    (r"^prefs\.read_aloud$", "switch label in the Preferences dialog, beside Reduce motion "
     "on one row at 800x600; at most ~20 characters"),
    (r"^voice\.read_aloud$", "the Read aloud button beside a loudspeaker (lesson header, "
     "About card); at most ~20 characters, the loudspeaker alone shows where it does not fit"),
    (r"^voice\.(not_installed|no_voice)$", "the Read aloud button's label after a press when "
     "no voice can speak; at most ~30 characters"),
    (r"^prefs\.reduced_motion$", "switch label in the Preferences dialog; at most ~30 "
     "characters"),
    (r"^keys\.title$", "title of the keys help dialog (F1); at most ~30 characters"),
    (r"^keys\.key\.", "a key or key combination in the left column of the keys help dialog; "
     "use the names printed on keyboards in the language; at most ~30 characters"),
    (r"^keys\.", "what a key does, right column of the keys help dialog; wraps, keep it "
     "under ~60 characters"),
    (r"^about\.title$", "title of the About this model card; at most ~30 characters"),
    (r"^about\.body$", "About this model card, a long scrolling text; wraps"),
    (r"^about\.unreviewed$", "sentence added to About (and handouts) while a translation "
     "awaits review; wraps, keep it under ~100 characters"),
    (r"^explore\.title$", "Explore's title and its home tile; at most ~26 characters"),
    (r"^explore\.blurb$", "Explore's line on its home tile; wraps, at most 3 lines of ~30 "
     "characters at 800x600"),
    (r"^explore\.(amount|person|medicines)$", "group heading in Explore's controls; at most "
     "~30 characters"),
    (r"^explore\.amount\.", "opioid amount choice in Explore, two or four to a row; wraps "
     "to 2 lines of ~11 characters at 800x600"),
    (r"^explore\.person\.", "choice of who the person is, in Explore; one line, at most ~45 "
     "characters at 800x600"),
    (r"^explore\.hint\.", "hint under Explore's controls for the chosen person; wraps, at "
     "most 3 lines of ~50 characters at 800x600"),
    (r"^explore\.give\.not_rescue_short$", "dose button's label while an overdose is on "
     "screen when the longer one does not fit; at most ~11 characters"),
    (r"^explore\.give\.", "dose button in Explore; wraps to 2 lines of ~11 characters at "
     "800x600"),
    (r"^explore\.(play|pause|step)$", "time control button in Explore's control row; at "
     "most ~8 characters at 800x600"),
    (r"^explore\.speed\.slow$", "switch in Explore's control row (slow motion); at most ~6 "
     "characters at 800x600"),
    (r"^explore\.chart$", "switch in Explore's control row that shows the chart; at most ~6 "
     "characters at 800x600"),
    (r"^explore\.reset$", "button at the end of Explore's control row: starts the person "
     "and the model over (not Replay); at most ~10 characters at 800x600"),
    (r"^explore\.skip_day$", "button in Explore's control row; at most ~17 characters at "
     "800x600"),
    (r"^explore\.page\.", "tab label in Explore on a small or portrait window; at most ~10 "
     "characters"),
    (r"^explore\.clock$", "story clock over Explore's picture; {day} and {hour} are numbers; "
     "at most ~20 characters"),
    (r"^explore\.receptors$", "legend line under Explore's picture; wraps, at most 2 lines "
     "of ~50 characters at 800x600"),
    (r"^explore\.due\.", "message in Explore when naltrexone is given before it is due; "
     "wraps, at most 3 lines of ~50 characters at 800x600"),
    (r"^explore\.(not_rescue|cap|drink_with_opioid)$", "message in Explore's message box; "
     "wraps, at most 3 lines of ~50 characters at 800x600"),
    (r"^cue\.", "emergency or warning cue beside the meters (Explore and lessons); wraps, "
     "at most 3 lines of ~45 characters at 800x600"),
    (r"^cleft\.", "label on the nerve-cell picture; at most ~28 characters"),
    (r"^meter\.in_danger$", "text on the breathing meter while it is in the danger zone; "
     "at most ~22 characters at 800x600"),
    (r"^meter\.", "meter label (Explore and lessons); one line, at most ~22 characters at "
     "800x600"),
    (r"^plot\.", "label of Explore's chart; at most ~25 characters at 800x600"),
    (r"^species\.", "a kind of molecule, in the picture's key and chart legends; at most "
     "~18 characters"),
    (r"^key\.receptor\.", "a receptor state in the picture's key; at most ~16 characters"),
    (r"^lessonview\.(back|replay)$", "button in the lesson's bottom bar; at most ~10 "
     "characters at 800x600"),
    (r"^lessonview\.(next|more|skip)$", "Next button of the lesson's bottom bar (\"More\": "
     "while the caption has another page; \"Skip\": while a question waits); at most ~12 "
     "characters at 800x600"),
    (r"^lessonview\.next_lesson$", "Next button on a lesson's last beat; at most ~14 "
     "characters at 800x600"),
    (r"^lessonview\.progress$", "progress line under the caption; {n} and {total} are "
     "numbers; at most ~20 characters"),
    (r"^lessonview\.(right|not_quite|watch|setup_hint)$", "short sentence in the caption "
     "box around a question; at most ~40 characters"),
    (r"^lessonview\.(you_said|no_pick)$", "sentence before an explanation, with the chosen "
     "or right answer in quotes; wraps"),
    (r"^lessonview\.person$", "label over the person figure in lessons; at most ~24 "
     "characters"),
    (r"^lessonview\.(line|chart|axis|clock|people|drink)\.", "chart title, legend or "
     "axis label in a lesson's picture (sim/view/render/lesson_charts.py); one line, at "
     "most ~25 characters at 800x600"),
    (r"^lessonview\.(help|risk)\.title$", "title of a lesson's closing card; at most ~30 "
     "characters"),
    (r"^lessonview\.help\.default$", "closing card text when the clinic set no help text; "
     "wraps, at most 4 lines of ~45 characters"),
    (r"^lesson\.common\.risk$", "closing card of the overdose lessons; wraps, at most 6 "
     "lines of ~45 characters at 800x600"),
    (r"^lesson\.[a-z-]+\.title$", "lesson title (home tile, lesson title bar, handouts); at "
     "most 2 lines of ~26 characters at 800x600"),
    (r"^lesson\.[a-z-]+\.blurb$", "lesson's line on its home tile; wraps, at most 3 lines "
     "of ~30 characters at 800x600"),
    (r"^lesson\.[a-z-]+\.about$", "the lesson's About this model card; wraps and scrolls"),
    (r"^lesson\.[a-z-]+\.key_message$", "key message box of the lesson's handout (HTML); "
     "wraps, keep it near the English length"),
    (r"^lesson\.[a-z-]+\.label\d+$", "label over a stretch of a lesson's chart; at most ~22 "
     "characters at 800x600"),
    (r"^lesson\.[a-z-]+\.q\.prompt$", "a lesson's question, in the caption box; at most 2 "
     "lines of ~85 characters"),
    (r"^lesson\.[a-z-]+\.q\.choice\d+$", "answer button of a lesson's question; wraps to 2 "
     "lines of ~40 characters at 800x600"),
    (r"^lesson\.[a-z-]+\.q\.explain$", "explanation after a question; " + CAPTION),
    (r"^lesson\.[a-z-]+\.", CAPTION),
    (r"^notes\.(stress|ask|question|answer)$", "heading of one kind of presenter note "
     "(notes window and presenter script); at most ~20 characters"),
    (r"^notes\.title$", "title of the presenter notes window; at most ~30 characters"),
    (r"^notes\.preview$", "one line of the notes preview: {label} a note heading, {text} the "
     "note"),
    (r"^notes\.(next|last_beat|elapsed|none|plan_note)$", "line in the presenter notes "
     "window; at most ~40 characters"),
    (r"^notes\.[a-z-]+\.\d+\.stress$", "what to stress at this beat; " + NOTE),
    (r"^notes\.[a-z-]+\.\d+\.ask$", "a question to ask the room at this beat; " + NOTE),
    (r"^notes\.[a-z-]+\.\d+\.question$", "a question the room may ask at this beat; " + NOTE),
    (r"^notes\.[a-z-]+\.\d+\.answer$", "a short answer to that question; " + NOTE),
    (r"^presenter\.(leave|stay|show_notes|keep_hidden)$", "button of a presenter "
     "confirmation dialog; at most ~16 characters"),
    (r"^presenter\.(leave_lesson|leave_screen|quit_question|notes_question)$",
     "question of a presenter confirmation dialog; at most 2 lines of ~40 characters"),
    (r"^presenter\.(room_said|the_answer)$", "line shown to the room after a question in "
     "presenter mode; the quoted text is an answer; wraps"),
    (r"^presenter\.go_to$", "shown while a presenter types a step number; {n} the number; "
     "at most ~25 characters"),
    (r"^presenter\.no_such_step$", "a step number typed in presenter mode that the lesson "
     "does not have; {n} the number, {first}-{last} the lesson's steps; at most ~45 "
     "characters"),
    (r"^presenter\.paused$", "banner while a presenter has paused a beat; at most ~40 "
     "characters"),
    (r"^session\.(title|overview|covered)$", "title on a session plan's slide or overview; "
     "at most ~30 characters"),
    (r"^session\.open$", "button of a session overview row; at most ~10 characters"),
    (r"^session\.", "line on a session plan's holding, end or overview slide; {title} a "
     "lesson or plan title; at most ~70 characters"),
    (r"^handout\.", "heading or label in a handout or presenter script (HTML, "
     "sim/app/handout.py); {lesson} a lesson title, {n} and {total} numbers; short"),
    (r"^home\.numbered$", "a lesson tile's title on home: {n} its number, {title} the "
     "lesson title; keep the form short"),
    (r"^kiosk\.touch_to_start$", "large invitation over the kiosk's attract loop; at most 2 "
     "lines of ~30 characters at 800x600"),
    (r"^kiosk\.attract_title$", "title of the kiosk's attract loop card; at most ~30 "
     "characters"),
    (r"^kiosk\.still_there$", "question on the kiosk's idle card; at most 2 lines of ~25 "
     "characters at 800x600"),
    (r"^kiosk\.starting_again_seconds$", "countdown on the kiosk's idle card, one form per "
     "count; {seconds} the number (a form for a single count may say it in words); "
     "msgstr[i] follows this catalog's Plural-Forms; at most ~35 characters"),
    (r"^kiosk\.still_here$", "button on the kiosk's idle card; at most ~20 characters"),
    (r"^kiosk\.pin_(clear|cancel|ok)$", "button of the staff PIN pad; at most ~8 characters"),
    (r"^kiosk\.", "line on the staff PIN pad (kiosk exit); {seconds} or {minutes} a number; "
     "at most ~30 characters"),
    (r"^window\.too_small$", "shown when the window is smaller than the program can lay "
     "out; at most ~30 characters"),
]

#: the comment lines' width
WIDTH = 88


def comment(key: str, files: list[str]) -> list[str]:
    for pattern, words in RULES:
        if re.search(pattern, key):
            break
    else:
        raise SystemExit(f"no rule for {key}")
    shown = [f for f in files if f not in words]
    where = f" [{', '.join(shown[:2])}{', ...' if len(shown) > 2 else ''}]" if shown else ""
    text = words + where
    return ["#. " + line for line in textwrap.wrap(text, WIDTH - 3, break_on_hyphens=False)]


def annotate(path: Path, comments: dict[str, list[str]]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    for line in lines:
        match = re.match(r'msgid "(.*)"$', line)
        if match and match.group(1) in comments:
            # the entry's own lines above: flags, references, msgctxt stay below the comment
            tail = []
            while out and (out[-1][:2] in ("#,", "#:", "#|") or out[-1].startswith("msgctxt")):
                tail.insert(0, out.pop())
            while out and out[-1].startswith("#."):
                out.pop()
            out += comments[match.group(1)] + tail
        out.append(line)
    path.write_text("\n".join(out), encoding="utf-8")


def main() -> None:
    keys = [e.key for e in entries("en") if e.key]
    found = uses(keys)
    comments = {key: comment(key, found[key]) for key in keys}
    for catalog in sorted((ROOT / "assets" / "locale").glob("*/LC_MESSAGES/blockade.po")):
        annotate(catalog, comments)  # every language, drafts too: the same comment lines


if __name__ == "__main__":
    main()
