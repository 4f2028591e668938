return {
  title = "Hog",
  version = "1.0.0",
  categories = { "broken" },
  run = function(ctx)
    local t = {}
    for i = 1, 1e9 do t[i] = ("x"):rep(64) .. i end
  end,
}
