# Final sigma and other context-sensitive case mappings
for w in ["Σ", "ΑΣ", "ΑΣΑ", "ΑΣ Α", "Α.Σ", "ΑΣ.", "Α\u0345Σ", "ΑΣ\u0345", "ΑΣ\u0345Α", "\u0345Σ", "ΑΣ'", "Α'Σ", "ΑΣ'Α", "ΣΣ", "ΑΣΣ",
          "\U0001d4d0Σ", "ΑΣ\U0001d4d0", "1Σ", "ᾼΣ", "ΑΣ\u00ad", "ΑΣ\u00adΑ", "İ", "İi", "ﬃ", "ŉ", "ǰ", "ΐ", "\u1e9e", "ß", "ǅ", "ǈǋ"]:
    print(repr(w), repr(w.lower()), repr(w.upper()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()), repr(w.casefold()))
