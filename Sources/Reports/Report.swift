// Reports: placeholder, see the helper working on it.
