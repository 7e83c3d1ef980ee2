"""Generated documents: official documents in the layout of Nghị định 30/2020/NĐ-CP."""
