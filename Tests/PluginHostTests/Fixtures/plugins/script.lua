-- A plain script: no manifest, globals only.
report.title("A plain script")
report.paragraph(("%d visits; who=%s"):format(corpus.visits{}:count(), tostring(params.who)))
print("printed by the script")
