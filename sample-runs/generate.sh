#!/usr/bin/env bash
# Regenerates the committed sample runs, byte for byte (fixed seeds and timestamp).
# All four are SIMULATED by RunSimulator, not produced by any model.
# Usage: sample-runs/generate.sh   (builds the project first when needed, via ./ew)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EW="$HERE/../ew"
CREATED_AT="2025-01-01T00:00:00Z"
# Per-token records per step are capped (completionTokens stay realistic, steps are flagged
# sampled-tokens) so that every file stays under 1 MB: 300 for the 30-question runs, 100 for the
# 198-question runs.

simulate() { # profile questions seed answer-kind dataset max-token-records file
  "$EW" simulate --profile "$1" --questions "$2" --seed "$3" --answer-kind "$4" --dataset "$5" \
    --max-token-records "$6" --created-at "$CREATED_AT" --force -o "$HERE/$7"
}

simulate reasoning   30  101 integer         aime-sized-simulated         300 1-reasoning-aime.jsonl.gz
simulate reasoning   198 102 multiple-choice gpqa-diamond-sized-simulated 100 2-reasoning-gpqa.jsonl.gz
simulate instruction 30  201 integer         aime-sized-simulated         300 3-instruction-aime.jsonl.gz
simulate instruction 198 202 multiple-choice gpqa-diamond-sized-simulated 100 4-instruction-gpqa.jsonl.gz

du -ch "$HERE"/*.jsonl.gz | tail -n 1
