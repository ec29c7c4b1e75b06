/*
** hubwatch_fts5: an SQLite extension adding two FTS5 auxiliary functions,
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

static void hubwatchBm25(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal
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
  sqlite3_value **apWeight = &apVal[1];
  int nWeight = nVal - 1;

  if( nVal<1 ){
    sqlite3_result_error(pCtx, "hubwatch_bm25: the phrase counts argument is missing", -1);
    return;
  }
  rc = rankData(pApi, pFts, apVal[0], &pData);
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
    sqlite3_result_double(pCtx, -1.0 * score);
  }else{
    sqlite3_result_error_code(pCtx, rc);
  }
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
    if( rc==SQLITE_OK ) rc = fts->xCreateFunction(fts, "hubwatch_phrase_rows", 0, hubwatchPhraseRows, 0);
    return rc;
  }
}
