return {
  title = "Bad default", version = "1.0.0",
  params = {
    limit = { type = "integer", default = "ten" },
    level = { type = "string", default = "low", choices = { "high", "minister" } },
    since = { type = "date", default = "yesterday", descripton = "typo" },
  },
  run = function(ctx) end,
}
