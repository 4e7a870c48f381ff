# tests/compare/mkcorpus.sh: builds a small corpus from a '|'-separated spec
# (sourced by run.sh).  mkcorpus DIR < SPEC, with lines:
#   S <id> <published> <outlet>
#   C <id> <source> <speaker or -> <kind> <text> <values JSON array or ->
#   T <id> <status> <claim ids, space-separated>
# A source's text is its claims' texts, one per line, so spans are exact.
# Byte lengths are taken in the C locale.

jstr() {   # a JSON string literal
	local s=$1 out="" c i
	local LC_ALL=C
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		'"') out+='\"' ;;
		'\') out+='\\' ;;
		$'\t') out+='\t' ;;
		$'\e') out+='\u001b' ;;
		*) out+=$c ;;
		esac
	done
	printf '"%s"' "$out"
}

mkcorpus() {
	local dir=$1 kind id src spk ck text vals pub outlet status ids
	local -a S_ID=() S_PUB=() S_OUT=() C_LINE=() T_LINE=()
	local -A TEXT=() OFF=()
	mkdir -p "$dir/sources"
	while IFS='|' read -r kind a b c d e f; do
		case $kind in
		S) S_ID+=("$a"); S_PUB+=("$b"); S_OUT+=("$c"); TEXT[$a]=""; OFF[$a]=0 ;;
		C) C_LINE+=("$a"$'\t'"$b"$'\t'"$c"$'\t'"$d"$'\t'"$e"$'\t'"$f") ;;
		T) T_LINE+=("$a"$'\t'"$b"$'\t'"$c") ;;
		esac
	done
	local claims="" sep="" start end n
	for line in "${C_LINE[@]}"; do
		IFS=$'\t' read -r id src spk ck text vals <<<"$line"
		text=$(printf '%b' "$text")
		start=$(LC_ALL=C; echo "${OFF[$src]}")
		n=$(LC_ALL=C; printf '%s' "${#text}")
		end=$((start + n))
		TEXT[$src]+="$text"$'\n'
		OFF[$src]=$((end + 1))
		local topics=""
		for t in "${T_LINE[@]}"; do
			local tid=${t%%$'\t'*} members=${t##*$'\t'}
			case " $members " in *" $id "*) topics+="${topics:+, }\"$tid\"" ;; esac
		done
		[ "$spk" = - ] && spk_json=null || spk_json=$(jstr "$spk")
		[ "$vals" = - ] && vals="[]"
		claims+="$sep{\"id\": \"$id\", \"source\": \"$src\", \"span\": [$start, $end], \"text\": $(jstr "$text"), \"kind\": \"$ck\", \"speaker\": $spk_json, \"values\": $vals, \"topics\": [$topics], \"origin\": \"curated\"}"
		sep=$',\n    '
	done
	local sources="" i
	sep=""
	for i in "${!S_ID[@]}"; do
		id=${S_ID[$i]}
		printf '%s' "${TEXT[$id]}" >"$dir/sources/$id.txt"
		local sum
		sum=$(sha256sum "$dir/sources/$id.txt" | cut -d' ' -f1)
		sources+="$sep{\"id\": \"$id\", \"title\": null, \"outlet\": $(jstr "${S_OUT[$i]}"), \"author\": null, \"published\": \"${S_PUB[$i]}\", \"url\": null, \"language\": \"en\", \"file\": \"sources/$id.txt\", \"sha256\": \"$sum\"}"
		sep=$',\n    '
	done
	local topicsj=""
	sep=""
	for t in "${T_LINE[@]}"; do
		IFS=$'\t' read -r id status ids <<<"$t"
		local list="" s2=""
		for c in $ids; do list+="$s2\"$c\""; s2=", "; done
		topicsj+="$sep{\"id\": \"$id\", \"label\": \"$id\", \"claims\": [$list], \"status\": \"$status\"}"
		sep=$',\n    '
	done
	cat >"$dir/corpus.json" <<JSON
{
  "schema": "lectern-corpus",
  "version": 1,
  "title": "test corpus",
  "sources": [
    $sources
  ],
  "claims": [
    $claims
  ],
  "topics": [
    $topicsj
  ]
}
JSON
}
