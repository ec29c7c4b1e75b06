/*
** hubwatch_fts5: an SQLite extension adding three FTS5 auxiliary functions and an aggregate (this
** file), and the aggregates of hubwatch_group_sums.c,
**
**   hubwatch_bm25(<table>, <hits>, <weight>, ...)
**
** FTS5's own bm25(<table>, <weight>, ...) with the number of rows holding each phrase of the
** query given in <hits> (text: one decimal count per phrase, in the order FTS5 numbers the
** phrases, separated by spaces) instead of counted. FTS5's bm25 counts them by reading each
** phrase's whole list in the table once per query, which is most of the cost of scoring a few
** hundred rows; the caller keeps the counts between queries (src/index/sqlite/fts-rank.ts), and
** hubwatch_phrase_rows, below, counts them for it. When <hits> is NULL, or does not hold one count
** per phrase, the counts are read as bm25 reads them. The score is bm25's to the bit: the same
** formula, constants and order of operations (FTS5 source, fts5_aux.c, fts5Bm25GetData and
** fts5Bm25Function).
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include "hubwatch_group_sums.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
};

static int countRow(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData){
  (void)pApi; (void)pFts;
  (*(sqlite3_int64*)pUserData)++;
  return SQLITE_OK;
}

/* Reads <hits> into aHit[nPhrase]: 1 when it holds exactly nPhrase non-negative integers. */
static int parseHits(const unsigned char *z, int nPhrase, sqlite3_int64 *aHit){
  int i = 0;
  if( z==0 ) return 0;
  while( 1 ){
    while( *z==' ' ) z++;
    if( *z==0 ) break;
    if( *z<'0' || *z>'9' || i>=nPhrase ) return 0;
    sqlite3_int64 n = 0;
    while( *z>='0' && *z<='9' ){ n = n*10 + (*z - '0'); z++; }
    aHit[i++] = n;
  }
  return i==nPhrase;
}

static int rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_value *pHits, RankData **ppData){
  int rc = SQLITE_OK;
  RankData *p = (RankData*)pApi->xGetAuxdata(pFts, 0);
  if( p==0 ){
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nRow = 0, nToken = 0;
    sqlite3_int64 *aHit;
    int i, given;
    p = (RankData*)sqlite3_malloc64(sizeof(RankData) + nPhrase*2*sizeof(double) + nPhrase*sizeof(sqlite3_int64) + 1);
    if( p==0 ) return SQLITE_NOMEM;
    memset(p, 0, sizeof(RankData) + nPhrase*2*sizeof(double));
    p->nPhrase = nPhrase;
    p->aIDF = (double*)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    aHit = (sqlite3_int64*)&p->aFreq[nPhrase];
    given = parseHits(sqlite3_value_text(pHits), nPhrase, aHit);
    rc = pApi->xRowCount(pFts, &nRow);
    if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if( rc==SQLITE_OK ) p->avgdl = (double)nToken / (double)nRow;
    for(i=0; rc==SQLITE_OK && i<nPhrase; i++){
      sqlite3_int64 nHit = 0;
      if( given ){
        nHit = aHit[i];
      }else{
        rc = pApi->xQueryPhrase(pFts, i, (void*)&nHit, countRow);
      }
      if( rc==SQLITE_OK ){
        double idf = log( (nRow - nHit + 0.5) / (nHit + 0.5) );
        if( idf<=0.0 ) idf = 1e-6;
        p->aIDF[i] = idf;
      }
    }
    if( rc!=SQLITE_OK ){
      sqlite3_free(p);
      return rc;
    }
    rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    if( rc!=SQLITE_OK ) return rc;
  }
  *ppData = p;
  return rc;
}

/* bm25 of the current row, as FTS5's bm25 computes it, with the phrase counts of <pHits> when they fit. */
static int bm25Score(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_value *pHits, sqlite3_value **apWeight, int nWeight, double *pScore
){
  const double k1 = 1.2;
  const double b = 0.75;
  int rc;
  double score = 0.0;
  RankData *pData = 0;
  int i;
  int nInst = 0;
  double D = 0.0;
  double *aFreq = 0;

  rc = rankData(pApi, pFts, pHits, &pData);
  if( rc==SQLITE_OK ){
    aFreq = pData->aFreq;
    memset(aFreq, 0, sizeof(double) * pData->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for(i=0; rc==SQLITE_OK && i<nInst; i++){
    int ip; int ic; int io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if( rc==SQLITE_OK ){
      double w = (nWeight > ic) ? sqlite3_value_double(apWeight[ic]) : 1.0;
      aFreq[ip] += w;
    }
  }
  if( rc==SQLITE_OK ){
    int nTok;
    rc = pApi->xColumnSize(pFts, -1, &nTok);
    D = (double)nTok;
  }
  if( rc==SQLITE_OK ){
    for(i=0; i<pData->nPhrase; i++){
      score += pData->aIDF[i] * (
          ( aFreq[i] * (k1 + 1.0) ) /
          ( aFreq[i] + k1 * (1 - b + b * D / pData->avgdl) )
      );
    }
    *pScore = -1.0 * score;
  }
  return rc;
}

/* The current row's bm25 (bm25Score) as the function's result, or its error. */
static void resultBm25(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, sqlite3_value *pHits, sqlite3_value **apWeight, int nWeight
){
  double score = 0.0;
  int rc = bm25Score(pApi, pFts, pHits, apWeight, nWeight, &score);
  if( rc==SQLITE_OK ){
    sqlite3_result_double(pCtx, score);
  }else{
    sqlite3_result_error_code(pCtx, rc);
  }
}

static void hubwatchBm25(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal
){
  if( nVal<1 ){
    sqlite3_result_error(pCtx, "hubwatch_bm25: the phrase counts argument is missing", -1);
    return;
  }
  resultBm25(pApi, pFts, pCtx, apVal[0], &apVal[1], nVal - 1);
}

/* 1 when <iRowid> is one of the <nByte>/8 ascending 64-bit integers at <pSet>. */
static int inSet(const unsigned char *pSet, int nByte, sqlite3_int64 iRowid){
  int lo = 0, hi = nByte / (int)sizeof(sqlite3_int64) - 1;
  while( lo<=hi ){
    int mid = lo + (hi - lo) / 2;
    sqlite3_int64 v;
    memcpy(&v, &pSet[mid * sizeof(sqlite3_int64)], sizeof(v));
    if( v==iRowid ) return 1;
    if( v<iRowid ) lo = mid + 1; else hi = mid - 1;
  }
  return 0;
}

/*
** hubwatch_bm25_among(<table>, <seqs>, <hits>, <weight>, ...): hubwatch_bm25 of the rows whose rowid
** is in <seqs> (a set as hubwatch_seq_set, below, writes it), NULL for the others, which are not
** scored. One pass over the matches with the set checked here costs less than checking it in SQL
** (`+rowid IN (...)`, an ephemeral index probed per row) or a second pass to score the rows kept.
*/
static void hubwatchBm25Among(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal
){
  if( nVal<2 ){
    sqlite3_result_error(pCtx, "hubwatch_bm25_among: the set and phrase counts arguments are missing", -1);
    return;
  }
  if( !inSet((const unsigned char*)sqlite3_value_blob(apVal[0]), sqlite3_value_bytes(apVal[0]), pApi->xRowid(pFts)) ){
    sqlite3_result_null(pCtx);
    return;
  }
  resultBm25(pApi, pFts, pCtx, apVal[1], &apVal[2], nVal - 2);
}

/*
** hubwatch_seq_set(<integer>): an aggregate writing its distinct non-NULL integers as a set for
** hubwatch_bm25_among: a blob of 64-bit integers in this machine's byte order, ascending.
*/
typedef struct SeqSet SeqSet;
struct SeqSet {
  sqlite3_int64 *a;
  sqlite3_int64 n;
  sqlite3_int64 nAlloc;
};

static void seqSetStep(sqlite3_context *pCtx, int nVal, sqlite3_value **apVal){
  SeqSet *p = (SeqSet*)sqlite3_aggregate_context(pCtx, sizeof(SeqSet));
  (void)nVal;
  if( p==0 ){ sqlite3_result_error_nomem(pCtx); return; }
  if( sqlite3_value_type(apVal[0])==SQLITE_NULL ) return;
  if( p->n==p->nAlloc ){
    sqlite3_int64 nNew = p->nAlloc ? p->nAlloc * 2 : 1024;
    sqlite3_int64 *aNew = (sqlite3_int64*)sqlite3_realloc64(p->a, nNew * sizeof(sqlite3_int64));
    if( aNew==0 ){ sqlite3_result_error_nomem(pCtx); return; }
    p->a = aNew;
    p->nAlloc = nNew;
  }
  p->a[p->n++] = sqlite3_value_int64(apVal[0]);
}

static int compareSeq(const void *pA, const void *pB){
  sqlite3_int64 a = *(const sqlite3_int64*)pA, b = *(const sqlite3_int64*)pB;
  return (a > b) - (a < b);
}

static void seqSetFinal(sqlite3_context *pCtx){
  SeqSet *p = (SeqSet*)sqlite3_aggregate_context(pCtx, 0);
  sqlite3_int64 i, n = 0;
  if( p==0 || p->n==0 ){
    sqlite3_result_zeroblob(pCtx, 0);
    return;
  }
  qsort(p->a, (size_t)p->n, sizeof(sqlite3_int64), compareSeq);
  for(i=0; i<p->n; i++){
    if( n==0 || p->a[n-1]!=p->a[i] ) p->a[n++] = p->a[i];
  }
  if( n * (sqlite3_int64)sizeof(sqlite3_int64) > 0x7fffffff ){
    sqlite3_free(p->a);
    sqlite3_result_error_toobig(pCtx);
    return;
  }
  sqlite3_result_blob(pCtx, p->a, (int)(n * sizeof(sqlite3_int64)), sqlite3_free);
}

/*
** hubwatch_phrase_rows(<table>): the number of rows of the table holding each phrase of the query
** (text, as <hits> above), counted as bm25 counts them. Called on any one matching row.
*/
static void hubwatchPhraseRows(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal
){
  int nPhrase = pApi->xPhraseCount(pFts);
  sqlite3_str *pOut = sqlite3_str_new(0);
  int rc = SQLITE_OK;
  int i;
  (void)nVal; (void)apVal;
  for(i=0; rc==SQLITE_OK && i<nPhrase; i++){
    sqlite3_int64 nHit = 0;
    rc = pApi->xQueryPhrase(pFts, i, (void*)&nHit, countRow);
    if( rc==SQLITE_OK ) sqlite3_str_appendf(pOut, i==0 ? "%lld" : " %lld", nHit);
  }
  if( rc==SQLITE_OK ){
    int n = sqlite3_str_length(pOut);
    sqlite3_result_text(pCtx, sqlite3_str_finish(pOut), n, sqlite3_free);
  }else{
    sqlite3_free(sqlite3_str_finish(pOut));
    sqlite3_result_error_code(pCtx, rc);
  }
}

static fts5_api *fts5Api(sqlite3 *db){
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_hubwatchfts_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  fts5_api *fts;
  SQLITE_EXTENSION_INIT2(pApi);
  fts = fts5Api(db);
  if( fts==0 || fts->iVersion<2 ){
    *pzErrMsg = sqlite3_mprintf("hubwatch_fts5: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  {
    int rc = fts->xCreateFunction(fts, "hubwatch_bm25", 0, hubwatchBm25, 0);
    if( rc==SQLITE_OK ) rc = fts->xCreateFunction(fts, "hubwatch_bm25_among", 0, hubwatchBm25Among, 0);
    if( rc==SQLITE_OK ) rc = fts->xCreateFunction(fts, "hubwatch_phrase_rows", 0, hubwatchPhraseRows, 0);
    if( rc==SQLITE_OK ){
      rc = sqlite3_create_function(db, "hubwatch_seq_set", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, 0, 0, seqSetStep, seqSetFinal);
    }
    if( rc==SQLITE_OK ) rc = hubwatchRegisterGroupSums(db);
    return rc;
  }
}
