// Learning: dense matrices on BLAS, layers, networks, backprop, numerical gradients, datasets
// and training.
//
// The module knows nothing of files other than the data sets it reads, of YAML, plots or the
// command line: it takes numbers and returns plain result values.
