#!/usr/bin/env bash
# Shows the editor suite catches breakage: breaks one feature at a time in the
# source (hover, completion, a rule, a quick fix, the grammar), bundles, runs
# `npm run test:editor`, and restores the file. Prints one line per breakage.
# Not part of `npm test` (each run starts the workbench); run it by hand after
# `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
backup="$(mktemp)"
current=""
restore() { if [[ -n "$current" ]]; then cp "$backup" "$current"; node scripts/bundle.mjs; fi; rm -f "$backup"; }
trap restore EXIT

break_one() {
  local name="$1" file="$2" from="$3" to="$4"
  cp "$file" "$backup"
  current="$file"
  node -e 'const fs = require("fs"); const [p, a, b] = process.argv.slice(1); const s = fs.readFileSync(p, "utf8"); if (!s.includes(a)) { throw new Error(`not found in ${p}: ${a}`); } fs.writeFileSync(p, s.replace(a, b));' "$file" "$from" "$to"
  node scripts/bundle.mjs
  local log="${TMPDIR:-/tmp}/break-$name.log"
  if node out/test/editor/runner/runInCodeServer.js >"$log" 2>&1; then
    echo "$name: NOT caught: the editor suite passed"
  else
    echo "$name: caught: $(grep -E '^ +[0-9]+\) [a-z]|✗' "$log" | head -2 | sed 's/^ *//' | tr '\n' ' ')"
  fi
  cp "$backup" "$file"
  current=""
}

break_one hover server/src/service/features/hover/hover.ts "const element = elementAround(model, position);" "const element = undefined as ReturnType<typeof elementAround>;"
break_one completion server/src/service/languageService.ts ": doComplete(document, model, position, reference)," ": { isIncomplete: false, items: [] },"
break_one addon-rule server/src/service/rules/ruleCatalog.ts "  addOnWithoutPrimaryRule,
" ""
break_one lesion-rule server/src/service/rules/ruleCatalog.ts "  lesionUnitsRule,
" ""
break_one quick-fix server/src/service/rules/addonWithoutPrimary.ts "edits: editor.insertLine(line, 'before', newLine)," "edits: [],"
break_one grammar syntaxes/claim.tmLanguage.json '"name": "storage.modifier.claim-modifier.claim"' '"name": "meta.unscoped.claim"'
