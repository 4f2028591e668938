-- A plugin that forgot its `return`: it must not run as an empty plain script.
local plugin = {
  title = "Forgot the return", version = "1.0.0",
  run = function(ctx) ctx.report.paragraph("never shown") end,
}
