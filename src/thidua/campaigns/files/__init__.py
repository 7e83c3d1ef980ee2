"""Campaign files: the YAML format of docs/campaign-file.md, validated, loaded, exported."""
