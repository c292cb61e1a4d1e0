#!/usr/bin/env python3
"""Builds Rubrics/lexicons/english.dict, the packed spelling dictionary pakessay loads, from Debian's
SCOWL word lists (apt-get install wbritish-small wbritish wbritish-large wamerican-small wamerican
wamerican-large), and copies the lists' licence beside it as english.dict.copyright.

British and American spellings are both accepted. Each word gets a frequency class from the smallest
SCOWL list that holds it (the lists' size is SCOWL's own frequency scale: small is size 35, the plain
list 50, large 70): 0 = in a small list, 1 = in a plain list, 2 = only in a large list, 3 = only in the
American large list. Suggestions prefer a lower class among words at the same edit distance.

Words are kept lowercase unless the lists know them only with capitals ("Pakistan", "NATO"): such a word
is written as the lists write it and flagged capital-only, which the capitals rule reads. Possessives
("Pakistan's") are left out when the word without "'s" is in: pakessay strips "'s" itself.

The file (all numbers little-endian):
  0   8 bytes  magic "PAKDICT1"
  8   u32      number of words
  12  u32      number of slots in the hash table (a power of two)
  16  u32      offset of the table (a multiple of 8)
  20  u32      offset of the words
  24  u32      length of the words
  28  28 x u32 where the words of each first letter start, relative to the words' offset: a to z, then
               words that start with anything else, then the end
  144 slots x u32  an open-addressing hash table with linear probing over the word's 64-bit FNV-1a hash
               of its lowercase UTF-8 bytes: the first slot tried is the hash modulo the number of slots
               (its low bits). An empty slot is 0; otherwise bit 31 is set, bit 30 marks a capital-only
               word, bits 28-29 hold the frequency class and bits 0-27 the hash's top 28 bits. With the
               home slot that is 46 bits of the hash: a wrong word passes about once in 10^8 look-ups
  then the words, one a line ("\n" after each), sorted by their lowercase UTF-8 bytes

Usage: scripts/build-dictionary.py [OUTPUT]   (default Rubrics/lexicons/english.dict)
"""
import os
import shutil
import struct
import sys

DICT = "/usr/share/dict"
LISTS = [  # (file, class); the first list that holds a word gives its class
    ("british-english-small", 0), ("american-english-small", 0),
    ("british-english", 1), ("american-english", 1),
    ("british-english-large", 2),
    ("american-english-large", 3),
]
REQUIRED = "british-english-large"
LICENCE = "/usr/share/doc/wbritish-large/copyright"


def fnv1a(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def lower(word: str) -> str:
    # ASCII letters only, as the tokenizer's fast path; other letters with Unicode's rules.
    return word.lower()


def read_lists():
    if not os.path.exists(os.path.join(DICT, REQUIRED)):
        sys.exit(f"build-dictionary: {DICT}/{REQUIRED} is missing (apt-get install wbritish-large)")
    forms = {}  # lowercase -> [class, set of written forms]
    for name, klass in LISTS:
        path = os.path.join(DICT, name)
        if not os.path.exists(path):
            print(f"build-dictionary: {path} is missing; its words take the next list's class", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                word = line.strip()
                if not word:
                    continue
                key = lower(word)
                entry = forms.setdefault(key, [klass, set()])
                entry[0] = min(entry[0], klass)
                entry[1].add(word)
    return forms


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "Rubrics/lexicons/english.dict"
    forms = read_lists()
    words = {}  # lowercase -> (written, class, capitalOnly)
    for key, (klass, written) in forms.items():
        if key.endswith("'s") and key[:-2] in forms:
            continue
        capital_only = key not in written
        shown = sorted(written)[0] if capital_only else key
        words[key] = (shown, klass, capital_only)
    keys = sorted(words, key=lambda k: k.encode("utf-8"))
    slots = 1
    while slots * 2 < len(keys) * 3:  # at most two thirds full
        slots *= 2
    table = [0] * slots
    for key in keys:
        shown, klass, capital_only = words[key]
        h = fnv1a(key.encode("utf-8"))
        value = (1 << 31) | (int(capital_only) << 30) | (klass << 28) | (h >> 36)
        i = h & (slots - 1)
        home = i
        while table[i] != 0:
            if table[i] & 0xFFFFFFF == h >> 36 and home == h & (slots - 1):
                print(f"build-dictionary: {key} shares its fingerprint with a word of its slot", file=sys.stderr)
            i = (i + 1) & (slots - 1)
        table[i] = value
    text = bytearray()
    starts = [None] * 27
    for key in keys:
        first = key.encode("utf-8")[0]
        bucket = first - 0x61 if 0x61 <= first <= 0x7A else 26
        for b in range(bucket, -1, -1):
            if starts[b] is not None:
                break
            starts[b] = len(text)
        text += words[key][0].encode("utf-8") + b"\n"
    for b in range(27):
        if starts[b] is None:
            starts[b] = len(text)
    starts.append(len(text))
    header_size = 28 + 28 * 4
    table_offset = (header_size + 7) // 8 * 8
    words_offset = table_offset + slots * 4
    header = b"PAKDICT1" + struct.pack("<5I", len(keys), slots, table_offset, words_offset, len(text))
    header += struct.pack("<28I", *starts)
    header += b"\0" * (table_offset - len(header))
    with open(out, "wb") as f:
        f.write(header)
        f.write(struct.pack(f"<{slots}I", *table))
        f.write(text)
    if os.path.exists(LICENCE):
        shutil.copyfile(LICENCE, out + ".copyright")
    print(f"build-dictionary: {len(keys)} words, {slots} slots, {words_offset + len(text)} bytes -> {out}")


if __name__ == "__main__":
    main()
