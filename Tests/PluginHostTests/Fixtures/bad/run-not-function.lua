return { title = "Run", version = "1.0.0", run = "yes" }
