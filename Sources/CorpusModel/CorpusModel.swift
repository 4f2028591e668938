// The corpus model: placeholder, filled by issue 3.
