#!/usr/bin/env bash
# Rebuilds qualification_kinds.csv from the shared reference data (see SOURCES.md for the reasoning).
# Usage: bash make_qualification_kinds.sh /path/to/shared/data > qualification_kinds.csv
set -euo pipefail
data="${1:?path to shared/data}"
classification="$data/occupation_classification_2022.csv"
list2017="$data/skill_occupations_2017_flattened.csv"
list2021="$data/skill_qualifications_2021.csv"

name_of() { awk -F, -v c="$1" '$1 == c { print $2; exit }' "$classification"; }

# The 2017 list's first six names are its licensing (准入类) items; five have a 2022 code.
licensing2017=$(awk -F, 'NR > 1 && $1 <= 6 && $3 != "" { print $3 }' "$list2017")
# Licensing rows of the 2021 catalogue that have an exact 2022 code (the 6th column).
licensing2021=$(grep ',准入类,' "$list2021" | awk -F, '$6 ~ /^[0-9]-/ { print $6 }')

echo "# Qualification kind (资格类别) of occupations of the 2022 classification, for rule R2."
echo "# Derived by make_qualification_kinds.sh from shared/data: skill_occupations_2017_flattened.csv"
echo "# (topie/score-server, 2017 catalogue skill part) and skill_qualifications_2021.csv"
echo "# (xuantianfengwu/MyCertificateJourney, 2021 catalogue). Codes not listed: NotInCatalogue."
echo "# source: 2017-licensing = among the 2017 list's first six (准入类) names;"
echo "#         2021-licensing-was-2017-level = 准入类 in 2021 but level-evaluation in 2017 (拟转入准入类);"
echo "#         2017-skill-list = in the 2017 skill list, neither of the above (水平评价类)."
echo "code,name,kind,source"
for code in $licensing2017; do
  echo "$code,$(name_of "$code"),Licensing,2017-licensing"
done
for code in $licensing2021; do
  grep -qx "$code" <<<"$licensing2017" || echo "$code,$(name_of "$code"),AboutToBecomeLicensing,2021-licensing-was-2017-level"
done
licensing_any=$(printf '%s\n%s\n' "$licensing2017" "$licensing2021")
awk -F, 'NR > 1 && $1 > 6 && $3 != "" { print $3 }' "$list2017" | while read -r code; do
  grep -qx "$code" <<<"$licensing_any" || echo "$code,$(name_of "$code"),LevelEvaluation,2017-skill-list"
done
