"""The page: the map as a typed record, its one codec, the policy, the basemap, and the scripts that draw it."""
