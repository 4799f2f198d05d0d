#!/usr/bin/env bash
# The post at its real budget: the four nets, one_cycle with the registry's per-model rates, 30 epochs, bs 64, seed 0,
# on the data named by $NODOWN_DATA (a folder or archive in fastai's layout). Finished runs in results/post_30ep are reused.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NODOWN_DATA:?set NODOWN_DATA to a CIFAR-10 folder or archive in the fastai layout}"
exec nodown compare vgg_4 vgg4_dilation vgg4_dilation_same vgg4_large_filter --data "$NODOWN_DATA" --epochs 30 --bs 64 --out results/post_30ep "$@"
