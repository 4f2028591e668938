return { version = "1.0.0", run = function(ctx) end }
