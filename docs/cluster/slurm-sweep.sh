#!/bin/bash
# One shard of a seqsim sweep per task of a Slurm job array (docs/cluster.md).
#   sbatch --array=1-8 --export=ALL,SWEEP=configs/sweeps/my-sweep.json,OUT=/shared/my-sweep slurm-sweep.sh
# then, when every task is done, docs/cluster/slurm-merge.sh (slurm-submit.sh does both).
#
# Shards are numbered 1..n; Slurm task ids are whatever --array says (1-8, 0-7, ...). The shard is
# the task's place in the array: SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1, so --array=1-8 and
# --array=0-7 both give shards 1/8..8/8. Use a contiguous range without a step (":2").
#SBATCH --job-name=seqsim-shard
#SBATCH --array=1-3
#SBATCH --cpus-per-task=2
#SBATCH --output=seqsim-shard-%A_%a.log
set -euo pipefail
: "${SWEEP:?set SWEEP to the sweep file (on a filesystem every node sees)}"
: "${OUT:?set OUT to a shared folder for the shard folders}"
SEQSIM=${SEQSIM:-seqsim} # may be a command with arguments, e.g. "node /opt/seqsim/bin/seqsim.js"

i=$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1))
n=$SLURM_ARRAY_TASK_COUNT
dir="$OUT/shard-$i-of-$n"

# A task that was requeued (preempted, node failure) continues its shard instead of starting over.
if [ -f "$dir/sweep.json" ]; then where=(--resume "$dir"); else where=(--out "$dir"); fi
rc=0
$SEQSIM sweep "$SWEEP" --shard "$i/$n" "${where[@]}" --workers "${SLURM_CPUS_PER_TASK:-1}" || rc=$?
# Exit 3: the shard finished but some of its runs failed. They are rows with status "failed" that
# merge keeps, so the task counts as done (the merge job still runs); anything else is an error.
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then exit "$rc"; fi
