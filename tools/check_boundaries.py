#!/usr/bin/env python3
"""Checks the edges between Humanspace's libraries (docs/architecture.md).

The allowed edges come from the CMake files alone: each src/modules/<name>/CMakeLists.txt
says `hs_module(<name> DEPENDS <module>...)`, and that list is also what its library
links. The rules, over every `#include "..."` line under src/ and app/:

  1. Layers. src/core includes only core; src/text and src/store include core and
     themselves; src/mail core and mail; src/services core, store, mail and itself (the
     context commands take); src/web core, services and web. Nothing under src/
     includes app/, and nothing outside src/modules includes a module.
  2. Front doors. A file outside module M includes only `modules/M/module.hpp`, and
     only when its own module declares M (app/ may include any front door).
  3. Rules are pure. A module's rules/ includes only core/, text/ and its own rules/.
  4. The domain stands below the web. A module's commands/, rules/, repo.* and
     permissions.* include nothing from web/.
  5. Declared dependencies form no cycle, and name modules that exist.
  6. Front doors are narrow. What a module's module.hpp reaches through the module's own
     headers is never its repo.hpp, a handlers/ header or a commands support header: other
     modules get plain records (records.hpp) and use cases, never the SQL or the pages.

Known breaches still being removed are listed in tools/boundaries.allow; any breach not
listed fails, and so does a listed one that no longer happens (take it off the list).

  check_boundaries.py [--root DIR]        check; exit 1 on any breach
  check_boundaries.py --dot [--root DIR]  print the module graph in Graphviz's language
  check_boundaries.py --links BUILD_DIR   also check what each built library links:
      every hs:: symbol a library uses is defined in itself, a module it declares (or
      one those declare), or a library below the modules (read with nm)
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
DECLARE = re.compile(r'hs_module\(\s*(\w+)((?:\s+[A-Z_]+(?:\s+[\w:${}.-]+)*)*)\s*\)', re.S)

LAYERS = {  # library under src/ -> the libraries it may include
    "core": {"core"},
    "text": {"core", "text"},
    "store": {"core", "store"},
    "mail": {"core", "mail"},
    "services": {"core", "store", "mail", "services"},
    "web": {"core", "services", "web"},
}


def declared_modules(root):
    """{module: [declared module dependencies]} from the modules' CMake files."""
    mods = {}
    base = os.path.join(root, "src", "modules")
    for name in sorted(os.listdir(base)):
        cml = os.path.join(base, name, "CMakeLists.txt")
        if not os.path.isfile(cml):
            continue
        text = open(cml, encoding="utf-8").read()
        m = DECLARE.search(text)
        if not m or m.group(1) != name:
            raise SystemExit(f"{cml}: expected hs_module({name} ...)")
        words = m.group(2).split()
        deps, section = [], None
        for w in words:
            if w.isupper():
                section = w
            elif section == "DEPENDS":
                deps.append(w)
        mods[name] = deps
    return mods


def sources(root):
    for top in ("src", "app"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                if f.endswith((".cpp", ".hpp", ".h")):
                    path = os.path.join(dirpath, f)
                    yield os.path.relpath(path, root).replace(os.sep, "/")


def place(rel):
    """(library, module-internal path) of a file: ("events", "commands/x.cpp"), ("web", ...)."""
    parts = rel.split("/")
    if parts[0] == "app":
        return "app", "/".join(parts[1:])
    if parts[1] == "modules":
        return "modules/" + parts[2], "/".join(parts[3:])
    return parts[1], "/".join(parts[2:])


def breaches(root):
    mods = declared_modules(root)
    found = []
    for name, deps in mods.items():
        for d in deps:
            if d not in mods:
                found.append((f"src/modules/{name}/CMakeLists.txt", f"declares unknown module {d}"))
    # Cycles, by depth-first search over the declared edges.
    state = {}

    def visit(m, trail):
        state[m] = 1
        for d in mods.get(m, []):
            if state.get(d) == 1:
                cycle = trail[trail.index(d):] + [d] if d in trail else [m, d]
                found.append((f"src/modules/{m}/CMakeLists.txt", "cycle " + " -> ".join(cycle)))
            elif d in mods and not state.get(d):
                visit(d, trail + [d])
        state[m] = 2

    for m in mods:
        if not state.get(m):
            visit(m, [m])

    for rel in sources(root):
        lib, inner = place(rel)
        text = open(os.path.join(root, rel), encoding="utf-8", errors="replace").read()
        for inc in INCLUDE.findall(text):
            top = inc.split("/")[0]
            if top not in ("app", "core", "text", "store", "mail", "services", "web", "modules"):
                continue  # a third-party or generated header
            why = None
            if top == "app" and lib != "app":
                why = "includes app/"
            elif lib in LAYERS:
                if top == "modules":
                    why = f"{lib}/ sits below the modules"
                elif top not in LAYERS[lib]:
                    why = f"{lib}/ may include only {', '.join(sorted(LAYERS[lib]))}"
            elif top == "modules":
                target = inc.split("/")[1] if inc.count("/") >= 2 else ""
                if lib != "modules/" + target:
                    if inc != f"modules/{target}/module.hpp":
                        why = f"reaches past {target}'s front door (modules/{target}/module.hpp)"
                    elif lib != "app" and target not in mods.get(lib.split("/")[1], []):
                        why = f"{lib.split('/')[1]} does not declare {target} in its CMakeLists.txt"
            if why is None and lib.startswith("modules/"):
                layer = inner.split("/")[0]
                own = lib + "/rules/"
                if layer == "rules" and top not in ("core", "text") and not inc.startswith(own):
                    why = "rules/ may include only core/, text/ and its own rules/"
                domain = layer in ("commands", "rules") or re.match(r"(repo|permissions)\.[ch]pp$", inner)
                if why is None and domain and top == "web":
                    why = "the domain (commands, rules, repo, permissions) includes the web layer"
            if why:
                found.append((rel, f'#include "{inc}": {why}'))
    found += narrow_front_door_breaches(root, mods)
    return mods, found


def narrow_front_door_breaches(root, mods):
    """Rule 6: what a front door reaches, through its module's own headers, holds no SQL
    and no pages: never repo.hpp, handlers/ or a commands/support header."""
    found = []
    for m in mods:
        base = os.path.join(root, "src", "modules", m)
        start = "module.hpp"
        if not os.path.isfile(os.path.join(base, start)):
            continue
        via, todo = {start: None}, [start]
        while todo:
            inner = todo.pop()
            path = os.path.join(base, inner)
            if not os.path.isfile(path):
                continue
            for inc in INCLUDE.findall(open(path, encoding="utf-8", errors="replace").read()):
                prefix = f"modules/{m}/"
                if inc.startswith(prefix) and inc[len(prefix):] not in via:
                    via[inc[len(prefix):]] = inner
                    todo.append(inc[len(prefix):])
        for inner in sorted(via):
            if inner == "repo.hpp" or inner.startswith("handlers/") or inner.endswith("support.hpp"):
                trail, x = [], inner
                while x is not None:
                    trail.insert(0, x)
                    x = via[x]
                found.append((f"src/modules/{m}/module.hpp",
                              f"the front door reaches {inner} ({' -> '.join(trail)}); hand out plain records "
                              "(records.hpp) instead"))
    return found


def link_breaches(root, build, mods):
    """Undefined hs:: symbols of each library that only an undeclared library defines."""
    import subprocess
    libs = {}
    for lib in ("core", "text", "store", "mail", "services", "web"):
        libs[lib] = os.path.join(build, f"libhs_{lib}.a")
    for m in mods:
        libs[m] = os.path.join(build, "src", "modules", m, f"libhs_{m}.a")
    defined, undefined = {}, {}
    for lib, path in libs.items():
        if not os.path.isfile(path):
            raise SystemExit(f"{path}: not built (build first: ninja -C {build} humanspace)")
        out = subprocess.run(["nm", "-C", "--defined-only", "-g", path], capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split(" ", 2)
            if len(parts) == 3 and parts[1] in "TDBRVWu" and parts[2].startswith("hs::"):
                defined.setdefault(parts[2], lib)
        out = subprocess.run(["nm", "-C", "-u", path], capture_output=True, text=True).stdout
        undefined[lib] = {l.strip()[2:].strip() for l in out.splitlines() if "hs::" in l}

    def closure(m):
        seen, todo = set(), [m]
        while todo:
            x = todo.pop()
            for d in mods.get(x, []):
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        return seen

    base = {"core": set(), "text": {"core"}, "store": {"core"}, "mail": {"core"},
            "services": {"core", "store", "mail"}, "web": {"core", "services", "store", "mail"}}
    found = {}
    for lib, syms in undefined.items():
        ok = base[lib] if lib in base else closure(lib) | {"core", "text", "store", "mail", "services", "web"}
        for sym in sorted(syms):
            owner = defined.get(sym.split(" ", 1)[-1]) or defined.get(sym)
            if owner and owner != lib and owner not in ok:
                found.setdefault((lib, owner), sym)
    out = [(f"link: {a} -> {b}", f"uses {sym}") for (a, b), sym in sorted(found.items())]
    # The domain stands below the web in the objects too: no command, rule, repo or
    # permission object file uses a web symbol (its unit test can run on a plain
    # services::Services).
    domain = []  # (module, path inside it, object file)
    for m in mods:
        objdir = os.path.join(build, "src", "modules", m, "CMakeFiles", f"hs_{m}.dir")
        for dirpath, _, files in os.walk(objdir):
            for f in sorted(files):
                inner = os.path.relpath(os.path.join(dirpath, f), objdir).replace(os.sep, "/")
                if f.endswith(".o") and (inner.split("/")[0] in ("commands", "rules") or
                                         re.match(r"(repo|permissions)\.cpp\.o$", inner)):
                    domain.append((m, inner[:-2], os.path.join(dirpath, f)))
    if domain:  # one nm for them all: "FILE: U symbol" lines
        by_file = {path: (m, inner) for m, inner, path in domain}
        u = subprocess.run(["nm", "-C", "-u", "-A"] + list(by_file), capture_output=True, text=True).stdout
        seen = set()
        for line in u.splitlines():
            path, _, sym = line.partition(": ")
            if "hs::web::" in sym and path in by_file and path not in seen:
                seen.add(path)
                m, inner = by_file[path]
                out.append((f"link: {m}/{inner} -> web", f"uses {sym.strip()[2:].strip()}"))
    return out


def allowed(root):
    path = os.path.join(root, "tools", "boundaries.allow")
    keep = set()
    if os.path.isfile(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):  # whole-line comments only: entries hold #include
                keep.add(line)
    return keep


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--dot", action="store_true")
    ap.add_argument("--list", action="store_true", help="print every breach, listed or not")
    ap.add_argument("--links", metavar="BUILD_DIR", help="also check the built libraries' symbols")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    mods, found = breaches(root)
    if a.dot:
        print("digraph humanspace {")
        print('  rankdir=BT; node [shape=box, style="rounded,filled", fillcolor="#fdf3e7", fontname="Helvetica"];')
        print('  subgraph cluster_base { label="below the modules"; style=dashed;')
        for lib in ("core", "text", "store", "mail", "services", "web"):
            print(f'    "{lib}" [fillcolor="#e8f1f8"];')
        print("  }")
        for lib, under in (("text", "core"), ("store", "core"), ("mail", "core"), ("services", "store"),
                           ("services", "mail"), ("web", "services")):
            print(f'  "{lib}" -> "{under}" [color="#7a7a7a"];')
        for m, deps in mods.items():
            print(f'  "{m}";')
            for d in deps:
                print(f'  "{m}" -> "{d}";')
        print('  "app/main.cpp" [shape=ellipse, fillcolor="#ffffff"];')
        for m in mods:
            if not any(m in deps for deps in mods.values()):
                print(f'  "app/main.cpp" -> "{m}" [style=dotted];')
        print("}")
        return 0
    keep = allowed(root)
    keys = {f"{rel}: {why}" for rel, why in found}
    if a.links:
        # A link breach is listed by its pair alone: "link: spaces -> audit".
        keys |= {rel for rel, _ in link_breaches(root, os.path.abspath(a.links), mods)}
    else:
        keep = {k for k in keep if not k.startswith("link: ")}
    if a.list:
        for k in sorted(keys):
            print(k)
        return 0
    new = sorted(keys - keep)
    gone = sorted(keep - keys)
    for k in new:
        print(f"forbidden: {k}")
    for k in gone:
        print(f"fixed, so take it off tools/boundaries.allow: {k}")
    n_mod = len(mods)
    if new or gone:
        print(f"boundaries: {len(new)} breach(es), {len(gone)} stale allowance(s)")
        return 1
    print(f"boundaries: {n_mod} modules, every include within its declared edges "
          f"({len(keys)} known breach(es) still listed in tools/boundaries.allow)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
