return {
  title = "Bad param type", version = "1.0.0",
  params = { count = { type = "int", default = 3 } },
  run = function(ctx) end,
}
