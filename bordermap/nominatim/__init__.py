"""Nominatim, the online geocoder bordermap asks only when told to (issue #11): the service's facts and its usage
policy here; the client, which loads geopy and requests, in ``client`` (#23: an offline run never loads them).
"""

DEFAULT_NOMINATIM_URL = "https://nominatim.openstreetmap.org"
NOMINATIM_ATTRIBUTION = "Geocoding: Nominatim, © OpenStreetMap contributors (ODbL 1.0)"
NOMINATIM = "nominatim"
MIN_REQUEST_INTERVAL_S = 1.0  # Nominatim's usage policy: at most one request per second
RETRY_AFTER_CAP_S = 30.0
REQUEST_DEADLINE_S = 30.0  # one request, its retries included, from the first byte sent to the last received
LOOKUP_BUDGET_S = 600.0  # all the online lookups of one run; answers so far are cached, so a new run goes on
MAX_ANSWER_BYTES = 2 * 2**20  # decompressed; Nominatim answers a search in a few KiB
