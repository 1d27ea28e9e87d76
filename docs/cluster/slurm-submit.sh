#!/bin/bash
# Submits a sweep as a Slurm array of SHARDS shards, and the merge to run once all of them succeeded.
#   SWEEP=configs/sweeps/my-sweep.json OUT=/shared/my-sweep SHARDS=8 docs/cluster/slurm-submit.sh
set -euo pipefail
: "${SWEEP:?set SWEEP to the sweep file}" "${OUT:?set OUT to a shared folder}"
SHARDS=${SHARDS:-3}
here=$(dirname "$0")
mkdir -p "$OUT"
array=$(sbatch --parsable --array="1-$SHARDS" --export="ALL,SWEEP=$SWEEP,OUT=$OUT" "$here/slurm-sweep.sh")
merge=$(sbatch --parsable --dependency="afterok:$array" --export="ALL,OUT=$OUT,SHARDS=$SHARDS" "$here/slurm-merge.sh")
echo "array job $array ($SHARDS shards), merge job $merge: the merged sweep will be in $OUT/merged"
