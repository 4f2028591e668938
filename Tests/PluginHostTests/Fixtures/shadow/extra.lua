return { title = "Extra", version = "0.1.0", categories = { "demo" }, run = function(ctx) ctx.report.paragraph("extra") end }
