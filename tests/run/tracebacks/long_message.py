parts = ["segment %d" % i for i in range(30)]
raise ValueError("; ".join(parts))
