s = '\N{LATIN'
