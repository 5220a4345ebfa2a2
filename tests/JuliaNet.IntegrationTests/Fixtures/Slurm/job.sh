#!/bin/sh
# A batch job as a user writes one: the master runs through julia-net on the image and adds its
# workers through srun inside the job's allocation. The paths come from the environment sbatch
# passes on (JOB_LAUNCHER, JOB_IMAGE, JOB_SCRIPT).
exec "$JOB_LAUNCHER" --sysimage "$JOB_IMAGE" "$JOB_SCRIPT"
