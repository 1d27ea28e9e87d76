#!/bin/bash
# Merges the shard folders written by slurm-sweep.sh into "$OUT/merged" (docs/cluster.md).
#   sbatch --dependency=afterok:<array job id> --export=ALL,OUT=/shared/my-sweep,SHARDS=8 slurm-merge.sh
#SBATCH --job-name=seqsim-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=seqsim-merge-%j.log
set -euo pipefail
: "${OUT:?set OUT to the folder holding the shard folders}"
: "${SHARDS:?set SHARDS to the number of shards (the task count of the array)}"
SEQSIM=${SEQSIM:-seqsim}

dirs=()
for ((i = 1; i <= SHARDS; i++)); do dirs+=("$OUT/shard-$i-of-$SHARDS"); done
rc=0
$SEQSIM sweep merge "${dirs[@]}" --out "$OUT/merged" || rc=$?
# Exit 3: merged, but some runs failed (rows with status "failed"); retry them on one machine with
#   seqsim sweep "$SWEEP" --resume "$OUT/merged" --retry-failed
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then exit "$rc"; fi
