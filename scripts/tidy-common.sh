# Shared by scripts/tidy-changed.sh and scripts/tidy-all.sh (sourced).
#
# Debian's clang-tidy is 14, and the build is GCC 12's: the compile commands
# say -std=c++23, which clang 14 calls c++2b, and clang 14 cannot compile
# libstdc++ 12's <expected>. With -std=c++2b clang 14 does not define
# __cpp_lib_expected (libstdc++ wants __cpp_concepts >= 202002, clang 14 has
# 201907), so core/expected.hpp uses its fallback, as in the fuzz build.
# -w: the compiler's own warnings are GCC's business (-Wall -Wextra -Werror);
# clang-tidy reports only the checks of .clang-tidy.
#
# The build precompiles common headers (CMakeLists.txt, BULWARK_PCH): GCC's
# .gch is not a clang PCH, so clang-tidy reads a copy of the compile commands
# without `-include .../cmake_pch.hxx` (build/tidy/compile_commands.json): each
# file is checked as it stands, with only the headers it includes itself.
TIDY=${CLANG_TIDY:-clang-tidy-14}
TIDY_ARGS=(-p build/tidy --quiet --extra-arg=-std=c++2b --extra-arg=-w)

require_compile_commands() {
  if [[ ! -f build/compile_commands.json ]]; then
    echo "tidy: build/compile_commands.json is missing; run scripts/build.sh first" >&2
    exit 2
  fi
  mkdir -p build/tidy
  /usr/bin/python3 - <<'PY'
import json, re
entries = json.load(open("build/compile_commands.json"))
pch = re.compile(r"\s-Winvalid-pch|\s-include\s+\S*cmake_pch\.hxx")
for e in entries:
    if "command" in e:
        e["command"] = pch.sub("", e["command"])
    if "arguments" in e:
        args, out, skip = e["arguments"], [], False
        for i, a in enumerate(args):
            if skip:
                skip = False
                continue
            if a == "-Winvalid-pch":
                continue
            if a == "-include" and i + 1 < len(args) and args[i + 1].endswith("cmake_pch.hxx"):
                skip = True
                continue
            out.append(a)
        e["arguments"] = out
json.dump(entries, open("build/tidy/compile_commands.json", "w"), indent=1)
PY
}

# The files of compile_commands.json, relative to the repository root.
compiled_files() {
  /usr/bin/python3 - "$PWD" <<'PY'
import json, os, sys
root = sys.argv[1]
for entry in json.load(open("build/compile_commands.json")):
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    if path.startswith(root + "/"):
        print(os.path.relpath(path, root))
PY
}

# Beast/Asio translation units take minutes under clang-tidy 14.
is_slow_unit() { grep -qE '#include <boost/(beast|asio)' "$1"; }
