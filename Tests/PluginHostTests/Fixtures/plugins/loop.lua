return {
  title = "Loop",
  version = "1.0.0",
  categories = { "broken" },
  run = function(ctx)
    local n = 0
    while true do n = n + 1 end
  end,
}
