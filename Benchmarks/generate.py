"""Writes synthetic envref workloads of a given size, deterministically, with the standard library only.

For each size N it writes, under ``<out>/<N>/``:

- ``content/``: a content tree ``envref build --content`` accepts. The repository's ``Content/`` files
  (strings, pages, site.yaml, schema) are copied and ``variables.yaml`` is replaced by N variables in
  five languages, with Markdown descriptions (code spans, links, emphasis) and every type and key. A
  ``translations.lock`` marks every translation current, so ``envref diff`` reports no stale text.
- ``pages/<lang>.md``: the same variables as one hand-written-style GFM page per language (a table),
  for the ``cmark-gfm`` CLI and ``envref import``.
- ``hugo/``: a multilingual Hugo site with the same five pages and minimal layouts.

Usage: ``python3 Benchmarks/generate.py --out DIR [--sizes 100,1000,10000] [--seed 7]``.
"""

import argparse
import hashlib
import json
import random
import shutil
from pathlib import Path

LANGUAGES = ["en", "fr", "es", "ja", "ko"]
TYPES = ["string", "bool", "int", "enum", "list", "path", "url"]
PREFIX = "BENCH_"
UPDATED = "2026-11-22"

# Per-language phrase pools. Every language writes its own prose (so the untranslated heuristics stay
# quiet) and the same code spans as the source text (so value drift stays quiet).
SUBJECTS = {
    "en": ["the client", "every worker", "the scheduler", "the uploader", "this machine", "the server"],
    "fr": ["le client", "chaque nœud", "le planificateur", "le téléverseur", "cette machine", "le serveur"],
    "es": ["el cliente", "cada nodo", "el planificador", "el cargador", "esta máquina", "el servidor"],
    "ja": ["クライアント", "各ワーカー", "スケジューラー", "アップローダー", "このマシン", "サーバー"],
    "ko": ["클라이언트", "각 워커", "스케줄러", "업로더", "이 머신", "서버"],
}
VERBS = {
    "en": ["reads", "caches", "sends", "checks", "rotates", "keeps"],
    "fr": ["lit", "met en cache", "envoie", "vérifie", "renouvelle", "conserve"],
    "es": ["lee", "almacena", "envía", "comprueba", "renueva", "conserva"],
    "ja": ["読み込みます", "キャッシュします", "送信します", "確認します", "更新します", "保持します"],
    "ko": ["읽습니다", "캐시합니다", "보냅니다", "확인합니다", "갱신합니다", "유지합니다"],
}
OBJECTS = {
    "en": ["run metadata", "artifact files", "system metrics", "credentials", "log lines", "sweep settings"],
    "fr": ["métadonnées du run", "fichiers d’artefacts", "métriques système", "identifiants", "lignes de journal", "réglages du balayage"],
    "es": ["metadatos de ejecución", "archivos de artefactos", "métricas del sistema", "credenciales", "líneas de registro", "ajustes del barrido"],
    "ja": ["run のメタデータ", "Artifact のファイル", "システムメトリクス", "認証情報", "ログの行", "スイープの設定"],
    "ko": ["run 메타데이터", "아티팩트 파일", "시스템 지표", "자격 증명", "로그 줄", "스윕 설정"],
}
TEMPLATES = {
    "en": [
        "Controls how {s} {v} {o}; set it to {c1} to change that.",
        "When set, {s} {v} {o} *before* anything else, see [the guide]({url}).",
        "Use {c1} or {c2}; **either** way {s} {v} {o}.",
    ],
    "fr": [
        "Règle la façon dont {s} {v} les {o} ; indiquez {c1} pour la modifier.",
        "Une fois définie, {s} {v} les {o} *avant* tout le reste, voir [le guide]({url}).",
        "Utilisez {c1} ou {c2} ; **dans tous les cas** {s} {v} les {o}.",
    ],
    "es": [
        "Regula cómo {s} {v} los {o}; indica {c1} para cambiarlo.",
        "Si está definida, {s} {v} los {o} *antes* que nada, consulta [la guía]({url}).",
        "Usa {c1} o {c2}; **en cualquier caso** {s} {v} los {o}.",
    ],
    "ja": [
        "{s}が{o}をどう{v}かを決めます。変更するには {c1} を指定します。",
        "設定すると、{s}は*最初に*{o}を{v}。[ガイド]({url})を参照してください。",
        "{c1} または {c2} を使います。**どちらでも**{s}は{o}を{v}。",
    ],
    "ko": [
        "{s}가 {o}를 어떻게 {v} 정합니다. 바꾸려면 {c1}을 지정하세요.",
        "설정하면 {s}는 *가장 먼저* {o}를 {v}. [가이드]({url})를 참고하세요.",
        "{c1} 또는 {c2}를 쓰세요. **어느 쪽이든** {s}는 {o}를 {v}.",
    ],
}
WORDS = ["alpha", "bravo", "cache", "delta", "echo", "fetch", "gamma", "hosts", "index", "jobs", "kappa",
         "local", "metric", "node", "offset", "proxy", "queue", "retry", "sweep", "token", "upload", "vault"]
PAGE_TITLE = {"en": "Environment variables", "fr": "Variables d’environnement", "es": "Variables de entorno",
              "ja": "環境変数", "ko": "환경 변수"}
PAGE_INTRO = {
    "en": "Every variable that configures the benchmark program, with its type and default.",
    "fr": "Toutes les variables qui configurent le programme de mesure, avec leur type et leur valeur par défaut.",
    "es": "Todas las variables que configuran el programa de medida, con su tipo y su valor por defecto.",
    "ja": "ベンチマーク用プログラムを設定するすべての変数と、その型と既定値です。",
    "ko": "벤치마크 프로그램을 설정하는 모든 변수와 그 형식, 기본값입니다.",
}
COLUMNS = {
    "en": ["Variable", "Default", "Description"],
    "fr": ["Nom de variable", "Valeur par défaut", "Description"],
    "es": ["Variable", "Valor por defecto", "Descripción"],
    "ja": ["変数", "既定値", "説明"],
    "ko": ["변수", "기본값", "설명"],
}


def fingerprint(text):
    """envref's Fingerprint.of: SHA-256 of the text with LF line endings and no trailing white space."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def quoted(value):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def make_variables(count, rng):
    """The registry's variables, in document order, as dictionaries."""
    names = [f"{PREFIX}{rng.choice(WORDS).upper()}_{index:05d}" for index in range(count)]
    variables = []
    for index, name in enumerate(names):
        kind = TYPES[index % len(TYPES)]
        variable = {"name": name, "type": kind}
        word = rng.choice(WORDS)
        if kind == "string":
            variable["codes"] = [f"`{word}-{index}`", "`wandb login`"]
            variable["maxLength"] = 64
            if index % 3 == 0:
                variable["pattern"] = "[a-z0-9-]+"
            if index % 5 == 0:
                variable["secret"] = True
            else:
                variable["default"] = f"{word}-{index}"
        elif kind == "bool":
            variable["default"] = rng.choice([True, False])
            variable["codes"] = ["`true`", "`false`"]
        elif kind == "int":
            variable["minimum"], variable["maximum"] = 0, 1000 + index
            variable["default"] = rng.randrange(0, 1000)
            variable["codes"] = [f"`{variable['default']}`", "`0`"]
        elif kind == "enum":
            values = rng.sample(WORDS, 3)
            variable["values"] = values
            variable["default"] = values[0]
            if index % 2 == 0:
                variable["deprecatedValues"] = {"legacy": values[1]}
            variable["codes"] = [f"`{values[0]}`", f"`{values[2]}`"]
        elif kind == "list":
            variable["separator"] = ";" if index % 2 else ","
            items = rng.sample(WORDS, 2)
            variable["default"] = variable["separator"].join(items)
            variable["codes"] = [f"`{items[0]}`", f"`{items[1]}`"]
        elif kind == "path":
            variable["default"] = f"~/.cache/{word}/{index}"
            variable["codes"] = [f"`~/.cache/{word}`", "`/tmp`"]
        else:
            variable["default"] = f"https://{word}.example.com/api/{index}"
            variable["minLength"] = 12
            variable["codes"] = ["`https://`", f"`{word}.example.com`"]
        if index % 4 == 1:
            variable["example"] = f"{word}{index}" if kind in ("string", "path") else None
            if variable["example"] is None:
                del variable["example"]
        if index >= 3 and index % 6 == 0:
            variable["seeAlso"] = [names[index - 1], names[index - 3]]
        if index % 50 == 7:
            variable["swiftName"] = f"custom{index}"
        # A renamed variable reads through to an earlier one of its type, inheriting type and values.
        if index >= len(TYPES) and index % 25 == 11:
            variable = {"name": name, "type": None, "replacement": names[index - len(TYPES)],
                        "codes": [f"`{names[index - len(TYPES)]}`", "`export`"]}
        elif index % 40 == 23:
            variable["deprecated"] = True
        template = rng.randrange(len(TEMPLATES["en"]))
        picks = (rng.randrange(6), rng.randrange(6), rng.randrange(6))
        url = f"https://docs.example.com/{word}/{index}"
        variable["descriptions"] = {}
        for language in LANGUAGES:
            text = TEMPLATES[language][template].format(
                s=SUBJECTS[language][picks[0]], v=VERBS[language][picks[1]], o=OBJECTS[language][picks[2]],
                c1=variable["codes"][0], c2=variable["codes"][1], url=url)
            if index % 20 == 19:
                # A second paragraph makes some descriptions multi-block, as real ones are.
                extra = TEMPLATES[language][(template + 1) % 3].format(
                    s=SUBJECTS[language][picks[2]], v=VERBS[language][picks[0]], o=OBJECTS[language][picks[1]],
                    c1=variable["codes"][1], c2=variable["codes"][0], url=url)
                text += "\n\n" + extra
            variable["descriptions"][language] = text
        variables.append(variable)
    return variables


def registry_yaml(variables):
    """The variables.yaml text."""
    lines = ["# yaml-language-server: $schema=variables.schema.json", f"languages: [{', '.join(LANGUAGES)}]",
             f"prefix: {PREFIX}", "swift:", "  typeName: BenchSettings", f'updated: "{UPDATED}"', "variables:"]
    for variable in variables:
        lines.append(f"  {variable['name']}:")
        if variable.get("type"):
            lines.append(f"    type: {variable['type']}")
        if "replacement" in variable:
            lines += ["    deprecated:", f"      replacement: {variable['replacement']}"]
        if variable.get("deprecated"):
            lines.append("    deprecated: true")
        if "values" in variable:
            lines.append(f"    values: [{', '.join(variable['values'])}]")
        for old, new in variable.get("deprecatedValues", {}).items():
            lines += ["    deprecatedValues:", f"      {old}: {new}"]
        if "default" in variable:
            value = variable["default"]
            rendered = ("true" if value else "false") if isinstance(value, bool) else str(value) if isinstance(value, int) else quoted(value)
            lines.append(f"    default: {rendered}")
        for key in ("minimum", "maximum", "minLength", "maxLength"):
            if key in variable:
                lines.append(f"    {key}: {variable[key]}")
        for key in ("pattern", "separator", "example", "swiftName"):
            if key in variable:
                lines.append(f"    {key}: {quoted(variable[key])}")
        if variable.get("secret"):
            lines.append("    secret: true")
        if "seeAlso" in variable:
            lines.append(f"    seeAlso: [{', '.join(variable['seeAlso'])}]")
        lines.append("    description:")
        # One double-quoted line per language rather than a block scalar keeps the 10,000-variable
        # registry under 8 MiB, the size the benchmark results were first recorded at.
        for language in LANGUAGES:
            lines.append(f"      {language}: {quoted(variable['descriptions'][language])}")
    return "\n".join(lines) + "\n"


def lock_yaml(variables):
    """A translations.lock that records every translation as made from the current source text."""
    lines = ["# Generated by envref. Do not edit by hand.", "version: 1", "translations:"]
    sources = {}
    for variable in sorted(variables, key=lambda v: v["name"]):
        source = variable["descriptions"]["en"]
        digest = fingerprint(source)
        sources[digest] = source
        lines.append(f"  {variable['name']}:")
        for language in sorted(LANGUAGES[1:]):
            lines.append(f'    {language}: "{digest}"')
    lines.append("sources:")
    for digest in sorted(sources):
        lines.append(f'  "{digest}": |-')
        lines += [f"    {text_line}" if text_line else "" for text_line in sources[digest].split("\n")]
    return "\n".join(lines) + "\n"


def gfm_page(variables, language):
    """One language's page as a hand-written GFM table, the form envref import reads.

    There is no type column: `envref import` would fold it into every description, which would
    make the imported registry a different workload from the generated one.
    """
    columns = COLUMNS[language]
    lines = [f"# {PAGE_TITLE[language]}", "", PAGE_INTRO[language], "",
             f"| {' | '.join(columns)} |", "| --- | --- | --- |"]
    for variable in variables:
        default = variable.get("default")
        default_cell = "" if default is None else f"`{str(default).lower() if isinstance(default, bool) else default}`"
        description = variable["descriptions"][language].replace("\n\n", "<br><br>")
        lines.append(f"| `{variable['name']}` | {default_cell} | {description} |")
    return "\n".join(lines) + "\n"


def hugo_site(root, pages):
    """A multilingual Hugo site with one content page per language and the least layout Hugo needs."""
    config = ['baseURL = "https://example.org/"', 'defaultContentLanguage = "en"', "defaultContentLanguageInSubdir = true",
              'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]', "", "[languages]"]
    for weight, language in enumerate(LANGUAGES, start=1):
        config += [f"  [languages.{language}]", f'    languageName = "{language}"', f"    weight = {weight}",
                   f'    contentDir = "content/{language}"']
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
    layout = '<!doctype html>\n<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body>{{ .Content }}</body></html>\n'
    for name in ("_default/single.html", "_default/list.html", "index.html"):
        path = root / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(layout, encoding="utf-8")
    for language, page in pages.items():
        path = root / "content" / language / "environment-variables.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = page.split("\n", 2)[2]  # the front matter carries the title instead of the heading
        path.write_text(f'---\ntitle: "{PAGE_TITLE[language]}"\n---\n{body}', encoding="utf-8")


def write_size(repository, out, count, seed):
    """Writes the workload of one size; the seed and the size alone decide every byte."""
    rng = random.Random(f"{seed}-{count}")
    variables = make_variables(count, rng)
    root = out / str(count)
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    shutil.copytree(repository / "Content", content, ignore=shutil.ignore_patterns("variables.yaml", "translations.lock"))
    (content / "variables.yaml").write_text(registry_yaml(variables), encoding="utf-8")
    (content / "translations.lock").write_text(lock_yaml(variables), encoding="utf-8")
    pages = {language: gfm_page(variables, language) for language in LANGUAGES}
    (root / "pages").mkdir(parents=True)
    for language, page in pages.items():
        (root / "pages" / f"{language}.md").write_text(page, encoding="utf-8")
    hugo_site(root / "hugo", pages)
    return root


def main():
    """Parses the arguments and writes every requested size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write <N>/ into")
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated variable counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repository", type=Path, default=Path(__file__).resolve().parent.parent)
    arguments = parser.parse_args()
    for count in (int(size) for size in arguments.sizes.split(",")):
        print(write_size(arguments.repository, arguments.out, count, arguments.seed))


if __name__ == "__main__":
    main()
