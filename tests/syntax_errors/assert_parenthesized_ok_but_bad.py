assert (x,
