return {
  title = "Run misspelt", version = "1.0.0",
  rnu = function(ctx) ctx.report.paragraph("never shown") end,
}
