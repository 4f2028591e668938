return { title = "Shadowed hello", version = "9.9.9", run = function(ctx) end }
