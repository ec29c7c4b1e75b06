/* hubwatch_group_sums.c: the hash-table aggregates (hubwatch_top_sum, hubwatch_story_sizes). */
#ifndef HUBWATCH_GROUP_SUMS_H
#define HUBWATCH_GROUP_SUMS_H
#include "sqlite3ext.h"

/* Registers the aggregates on <db>; an SQLite result code. */
int hubwatchRegisterGroupSums(sqlite3 *db);

#endif
