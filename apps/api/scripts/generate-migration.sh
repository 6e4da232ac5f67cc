#!/usr/bin/env bash
# Generates a migration for BOTH dialects from the difference between the entities and the
# migrations so far: SQLite on a scratch file, MySQL on a scratch database (TEST_MYSQL_URL).
# Usage: scripts/generate-migration.sh AddRequests   (registers both files in their index.ts lists)
set -euo pipefail
name=${1:?usage: generate-migration.sh Name}
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.build.json
scratch=$(mktemp -d)
DATABASE_URL="$scratch/gen.sqlite" npx typeorm migration:run -d dist/database/data-source.js >/dev/null
DATABASE_URL="$scratch/gen.sqlite" npx typeorm migration:generate "src/database/migrations/sqlite/$name" -d dist/database/data-source.js
server=${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306}
db="gridloop_gen_$$"
mariadb_args=(-h "$(node -e "console.log(new URL('$server').hostname)")" -P "$(node -e "console.log(new URL('$server').port||3306)")" -u root)
mariadb "${mariadb_args[@]}" -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
trap 'mariadb "${mariadb_args[@]}" -e "DROP DATABASE IF EXISTS $db"; rm -rf "$scratch"' EXIT
DATABASE_URL="${server/mysql:/mariadb:}/$db" npx typeorm migration:run -d dist/database/data-source.js >/dev/null
DATABASE_URL="${server/mysql:/mariadb:}/$db" npx typeorm migration:generate "src/database/migrations/mysql/$name" -d dist/database/data-source.js
# Register each new file in its dialect's ordered list (imports and array, oldest first).
for dialect in sqlite mysql; do
  file=$(ls -t "src/database/migrations/$dialect"/*-"$name".ts | head -1)
  base=$(basename "$file" .ts)
  class="${name}${base%%-*}"
  node -e '
    const fs = require("fs"); const [index, base, cls] = process.argv.slice(1);
    let s = fs.readFileSync(index, "utf8");
    const lines = s.split("\n"); let last = -1; lines.forEach((l, i) => { if (l.startsWith("import ")) last = i; });
    lines.splice(last + 1, 0, `import { ${cls} } from "./${base}";`.replace(/"/g, "\x27"));
    s = lines.join("\n").replace(/\];\s*$/, `, ${cls}];\n`);
    fs.writeFileSync(index, s);' "src/database/migrations/$dialect/index.ts" "$base" "$class"
done
echo "Generated and registered $name for both dialects: read both files, check each down() undoes its up()."
