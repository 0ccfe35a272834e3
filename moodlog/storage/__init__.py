"""The only package that speaks SQL: opening the diary file, its migrations, and the
DiaryStore that reads and writes domain objects."""
