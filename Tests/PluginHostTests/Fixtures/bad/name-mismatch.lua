return { name = "other-name", title = "Name", version = "1.0.0", run = function(ctx) end }
