"""Deterministic generator of the labelled training corpus (``data/corpus.jsonl``).

Run ``python -m ilmio_demo.corpora.reports`` to regenerate; the output is committed.

How it avoids a fixed skeleton and an optimistic held-out score:

* hand-written phrase banks per phenomenon and target group (ilmio_demo.corpora.phrases_fi/_sv), in
  several voices (professional sentences, first-person resident voice, note fragments);
* five styles (formal, narrative, hurried, bullets, resident) with different openers,
  closers, sentence counts, orderings and noise (typos, abbreviations, lower case, missing
  punctuation);
* reports mix a primary phenomenon (2–4 sentences) with 0–2 secondary ones (1 sentence);
* every bank entry is assigned by a stable hash to either the *train* or the *test* pool,
  and held-out reports are written only from test-pool sentences. The held-out split
  therefore measures generalisation to sentences the model never saw, not memory.
"""

from __future__ import annotations

import json
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ilmio.text.taxonomy_codes import PHENOMENA, TARGET_GROUPS
from ilmio_demo.corpora.phrases_fi import CLOSERS_FI, OPENERS_FI, PHENOMENA_FI, TARGET_GROUPS_FI
from ilmio_demo.corpora.phrases_sv import CLOSERS_SV, OPENERS_SV, PHENOMENA_SV, TARGET_GROUPS_SV

SEED = 20250311
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "ilmio" / "text" / "data" / "corpus.jsonl"
PER_PHENOMENON = {"fi": 82, "sv": 42}  # 1,240 reports, 34 % Swedish
STYLES = ("formal", "narrative", "hurried", "bullets", "resident")
STYLE_WEIGHTS = (0.24, 0.2, 0.24, 0.16, 0.16)

BANKS: dict[str, dict[str, Any]] = {
    "fi": {"phen": PHENOMENA_FI, "tg": TARGET_GROUPS_FI, "open": OPENERS_FI, "close": CLOSERS_FI},
    "sv": {"phen": PHENOMENA_SV, "tg": TARGET_GROUPS_SV, "open": OPENERS_SV, "close": CLOSERS_SV},
}

# Phenomena that co-occur in practice (secondary labels are drawn mostly from here).
RELATED: dict[str, tuple[str, ...]] = {
    "asuminen": ("toimeentulo", "paihteet", "mielenterveys", "palvelujarjestelma"),
    "mielenterveys": ("paihteet", "palvelujarjestelma", "osallisuus", "tyo_koulutus"),
    "paihteet": ("mielenterveys", "asuminen", "vakivalta", "toimeentulo"),
    "toimeentulo": ("asuminen", "digitalisaatio", "palvelujarjestelma", "tyo_koulutus"),
    "palvelujarjestelma": ("mielenterveys", "digitalisaatio", "yhdenvertaisuus", "toimeentulo"),
    "osallisuus": ("mielenterveys", "toimeentulo", "tyo_koulutus", "digitalisaatio"),
    "yhdenvertaisuus": ("palvelujarjestelma", "tyo_koulutus", "asuminen", "digitalisaatio"),
    "tyo_koulutus": ("toimeentulo", "mielenterveys", "osallisuus", "yhdenvertaisuus"),
    "vakivalta": ("paihteet", "asuminen", "mielenterveys", "palvelujarjestelma"),
    "digitalisaatio": ("palvelujarjestelma", "toimeentulo", "yhdenvertaisuus", "osallisuus"),
}
# Target groups that are more likely for a phenomenon (the rest stay possible).
TG_AFFINITY: dict[str, tuple[str, ...]] = {
    "asuminen": ("tyoikaiset", "lapsiperheet"),
    "mielenterveys": ("lapset_nuoret", "tyoikaiset"),
    "paihteet": ("tyoikaiset", "lapset_nuoret"),
    "toimeentulo": ("lapsiperheet", "tyoikaiset", "ikaantyneet"),
    "palvelujarjestelma": ("koko_vaesto", "ikaantyneet", "vammaiset"),
    "osallisuus": ("ikaantyneet", "lapset_nuoret"),
    "yhdenvertaisuus": ("maahanmuuttajat", "vammaiset"),
    "tyo_koulutus": ("lapset_nuoret", "tyoikaiset", "maahanmuuttajat"),
    "vakivalta": ("lapsiperheet", "lapset_nuoret"),
    "digitalisaatio": ("ikaantyneet", "maahanmuuttajat", "koko_vaesto"),
}

# Abbreviations a hurried writer uses (reverse of language.ABBREVIATIONS_*).
HURRIED_FI: tuple[tuple[str, str], ...] = (
    ("toimeentulotuki", "tt-tuki"),
    ("toimeentulotuen", "tt-tuen"),
    ("toimeentulotukea", "ttt"),
    ("lastensuojeluilmoituksia", "lasuilmoja"),
    ("lastensuojelun", "lasun"),
    ("lastensuojelu", "lasu"),
    ("mielenterveyspalveluihin", "mt-palveluihin"),
    ("mielenterveyspalvelu", "mt-palvelu"),
    ("mielenterveys", "mt"),
    ("sosiaalityöntekijöiden", "sostt:iden"),
    ("esimerkiksi", "esim."),
    ("kuukautta", "kk"),
    ("kuukausia", "kk"),
    ("kuukauden", "kk"),
    ("viikkoa", "vk"),
    ("Kelassa", "kelassa"),
    ("Aikuissosiaalityön", "aikkareiden"),
    ("aikuissosiaalityön", "aikkareiden"),
    ("kuntouttavan työtoiminnan", "ktt:n"),
    ("Kuntouttavan työtoiminnan", "ktt"),
    ("katkaisuhoitoon", "katkolle"),
    ("hyvinvointialueen", "hva:n"),
    ("Hyvinvointialueen", "HVA:n"),
    ("sosiaalihuoltolain", "SHL:n"),
    (" ja ", " & "),
)
HURRIED_SV: tuple[tuple[str, str], ...] = (
    ("utkomststöd", "utk.stöd"),
    ("till exempel", "t.ex."),
    ("socialbyrån", "soc"),
    ("socialvårdslagen", "SVL"),
    ("månader", "mån"),
    ("bland annat", "bl.a."),
    (" och ", " & "),
)
_KEYBOARD_NEIGHBOURS = {
    "a": "sq", "e": "wr", "i": "uo", "o": "ip", "u": "yi", "t": "ry", "s": "ad",
    "n": "bm", "l": "kö", "k": "jl", "r": "et", "ä": "öa", "ö": "äl", "m": "n",
}


def _pool(items: Sequence[str], split: str) -> list[str]:
    """Stable 75/25 partition of a bank into train and test pools."""
    chosen = [s for s in items if (zlib.crc32(s.encode()) % 4 == 0) == (split == "test")]
    return chosen or list(items)


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op < 0.55:
        return word[:i] + word[i + 1 :]
    if op < 0.75:
        return word[:i] + word[i] + word[i:]
    repl = _KEYBOARD_NEIGHBOURS.get(word[i].lower())
    return word[:i] + rng.choice(repl) + word[i + 1 :] if repl else word


def _noise(text: str, lang: str, style: str, rng: random.Random) -> str:
    typo_rate = {"formal": 0.0, "narrative": 0.01, "bullets": 0.02, "resident": 0.03, "hurried": 0.06}[style]
    if style == "hurried":
        for full, short in HURRIED_FI if lang == "fi" else HURRIED_SV:
            if full in text and rng.random() < 0.7:
                text = text.replace(full, short)
    if typo_rate:
        text = re.sub(r"\w+", lambda m: _typo(m.group(0), rng) if rng.random() < typo_rate else m.group(0), text)
    if style == "hurried" or (style == "resident" and rng.random() < 0.3):
        if rng.random() < 0.7:
            text = text.lower()
        if rng.random() < 0.5:
            text = text.replace(".", rng.choice(["", " -", ",", " /"]))
        if lang == "fi" and rng.random() < 0.1:
            text = text.replace("ä", "a").replace("ö", "o")  # a foreign keyboard
    return re.sub(r"[ \t]+", " ", text).strip()


def _fill(sentence: str, who: str) -> str:
    if "{who}" not in sentence:
        return sentence
    out = sentence.replace("{who}", who)
    return out[0].upper() + out[1:] if sentence.startswith("{who}") else out


def _choose_targets(primary: str, rng: random.Random) -> list[str]:
    weights = [3.0 if tg in TG_AFFINITY[primary] else 1.0 for tg in TARGET_GROUPS]
    first = rng.choices(TARGET_GROUPS, weights=weights)[0]
    groups = [first]
    if first != "koko_vaesto" and rng.random() < 0.22:
        second = rng.choice([t for t in TARGET_GROUPS if t not in groups and t != "koko_vaesto"])
        groups.append(second)
    return groups


def _choose_secondaries(primary: str, rng: random.Random) -> list[str]:
    roll = rng.random()
    n = 0 if roll < 0.42 else 1 if roll < 0.85 else 2
    out: list[str] = []
    while len(out) < n:
        pool = RELATED[primary] if rng.random() < 0.7 else PHENOMENA
        cand = rng.choice(pool)
        if cand != primary and cand not in out:
            out.append(cand)
    return out


def _sentences_for(phen: dict[str, list[str]], style: str, n: int, split: str, rng: random.Random) -> list[str]:
    pro, voice, frag = (_pool(phen[k], split) for k in ("pro", "voice", "frag"))
    out: list[str] = []
    for _ in range(n):
        roll = rng.random()
        if style == "bullets":
            bank = frag if roll < 0.6 else pro
        elif style == "resident":
            bank = voice if roll < 0.55 else pro
        elif style == "hurried":
            bank = frag if roll < 0.35 else pro
        else:
            bank = voice if roll < 0.05 else pro
        # Small held-out pools run dry quickly: fall back to the other banks, not repeats.
        candidates = [s for s in bank if s not in out] or [
            s for s in (*pro, *voice, *frag) if s not in out
        ] or bank
        out.append(rng.choice(candidates))
    return out


def build_report(lang: str, primary: str, split: str, rng: random.Random) -> dict[str, Any]:
    banks = BANKS[lang]
    style = rng.choices(STYLES, weights=STYLE_WEIGHTS)[0]
    secondaries = _choose_secondaries(primary, rng)
    groups = _choose_targets(primary, rng)
    whos = [rng.choice(banks["tg"][g]["who"]) for g in groups]

    n_primary = {"bullets": rng.randint(3, 5), "hurried": rng.randint(2, 3)}.get(style, rng.randint(2, 4))
    body = _sentences_for(banks["phen"][primary], style, n_primary, split, rng)
    extra = [s for sec in secondaries for s in _sentences_for(banks["phen"][sec], style, 1, split, rng)]
    filled_primary = [_fill(s, rng.choice(whos)) for s in body]
    filled_extra = [_fill(s, rng.choice(whos)) for s in extra]
    slot_used = any("{who}" in s for s in body + extra)

    context: list[str] = []
    for g in groups:
        tg = banks["tg"][g]
        if not slot_used or rng.random() < 0.55:
            bank = tg["frag"] if style == "bullets" and rng.random() < 0.6 else _pool(tg["ctx"], split)
            context.append(rng.choice(bank))

    rest = filled_primary[1:] + filled_extra + context
    rng.shuffle(rest)
    # The primary phenomenon usually leads, but not always (a context line may come first).
    parts = [filled_primary[0], *rest] if rng.random() < 0.8 else [*rest[:1], filled_primary[0], *rest[1:]]
    opener = rng.choice(banks["open"][style]) if rng.random() < 0.45 else ""
    closer = rng.choice(banks["close"][style]) if rng.random() < 0.4 else ""

    if style == "bullets":
        mark = rng.choice(["- ", "• ", "* ", ""])
        lines = [f"{mark}{p.rstrip('.')}" for p in parts]
        text = "\n".join([x for x in [opener, *lines, closer] if x])
    else:
        text = " ".join(x for x in [opener, *parts, closer] if x)
    text = _noise(text, lang, style, rng)
    return {
        "lang": lang,
        "style": style,
        "text": text,
        "phenomena": [primary, *secondaries],
        "target_groups": groups,
        "split": split,
    }


def build_corpus(seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    reports: list[dict[str, Any]] = []
    seen: set[str] = set()
    for lang, per in PER_PHENOMENON.items():
        for primary in PHENOMENA:
            made = 0
            attempts = 0
            while made < per and attempts < per * 20:
                attempts += 1
                # Stratified split: every 5th report of each (phenomenon, language) is held out.
                split = "test" if made % 5 == 2 else "train"
                report = build_report(lang, primary, split, rng)
                if report["text"] in seen:
                    continue
                seen.add(report["text"])
                report["id"] = f"{lang}-{primary}-{made:03d}"
                reports.append(report)
                made += 1
    order = ["id", "lang", "style", "split", "text", "phenomena", "target_groups"]
    return [{k: r[k] for k in order} for r in reports]


def write_corpus(path: Path = DEFAULT_PATH, seed: int = SEED) -> list[dict[str, Any]]:
    reports = build_corpus(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return reports


def summary(reports: Sequence[dict[str, Any]]) -> str:
    lines = [f"reports: {len(reports)}"]
    lines.append("languages: " + str(Counter(r["lang"] for r in reports)))
    lines.append("splits: " + str(Counter(r["split"] for r in reports)))
    lines.append("styles: " + str(Counter(r["style"] for r in reports)))
    lines.append("phenomena (any): " + str(Counter(p for r in reports for p in r["phenomena"])))
    lines.append("target groups: " + str(Counter(t for r in reports for t in r["target_groups"])))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_PATH
    reports = write_corpus(path)
    print(summary(reports))
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
